using InfusionSuite.Storage;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InfusionSuite.Storage.PostgreSql.Migrations
{
    /// <summary>
    /// PostgreSQL only (no SQLite twin, not in the EF Core model): each controller's presence as the worker that owns it
    /// heard it (online or offline, since when), with the lease (site, fencing number) that worker held when it wrote it.
    /// Other nodes count a row only while that lease is live, so a dead owner's chairs go offline on every board when its
    /// lease runs out, and come online again when the new owner hears them.
    /// </summary>
    [DbContext(typeof(InfusionSuiteDbContext))]
    [Migration("20261130050000_ControllerPresence")]
    public partial class ControllerPresence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(
                "CREATE TABLE controller_presence (controller_id text PRIMARY KEY, worker text NOT NULL, lease_site text NOT NULL, " +
                "fence bigint NOT NULL, online boolean NOT NULL, changed_at timestamptz NOT NULL)");

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("DROP TABLE controller_presence");
    }
}
