using InfusionSuite.Storage;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InfusionSuite.Storage.PostgreSql.Migrations
{
    /// <summary>
    /// PostgreSQL only (no SQLite twin, not in the EF Core model): the site leases of workers that share the
    /// database (<c>SiteLeases</c>): one row per site with its owner, its fencing number and when the lease runs
    /// out on the database's clock; and the blocks of the ingest order that workers writing at the same time draw
    /// from (<c>ingest_order_blocks</c>: each writer continues from a block of its own, so their ingest sequence
    /// numbers never meet).
    /// </summary>
    [DbContext(typeof(InfusionSuiteDbContext))]
    [Migration("20261129171000_SiteLeases")]
    public partial class SiteLeases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                "CREATE TABLE site_leases (site text PRIMARY KEY, owner text NOT NULL, fence bigint NOT NULL, expires_at timestamptz NOT NULL)");
            migrationBuilder.Sql("CREATE SEQUENCE ingest_order_blocks");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP SEQUENCE ingest_order_blocks");
            migrationBuilder.Sql("DROP TABLE site_leases");
        }
    }
}
