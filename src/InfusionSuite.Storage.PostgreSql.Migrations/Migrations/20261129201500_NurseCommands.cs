using InfusionSuite.Storage;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InfusionSuite.Storage.PostgreSql.Migrations
{
    /// <summary>
    /// PostgreSQL only (no SQLite twin, not in the EF Core model): nurse actions across nodes. <c>controller_sites</c>
    /// keeps the MQTT site each controller speaks from (written by its owner's writer), so a node finds the worker that
    /// owns a chair; <c>nurse_commands</c> holds an action sent to that worker (its request, who took it, its answer)
    /// until the sending node read the answer.
    /// </summary>
    [DbContext(typeof(InfusionSuiteDbContext))]
    [Migration("20261129201500_NurseCommands")]
    public partial class NurseCommands : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE TABLE controller_sites (controller_id text PRIMARY KEY, site text NOT NULL)");
            migrationBuilder.Sql(
                "CREATE TABLE nurse_commands (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, site text NOT NULL, request jsonb NOT NULL, " +
                "sent_at timestamptz NOT NULL DEFAULT clock_timestamp(), taken_by text, answer jsonb, answered_at timestamptz)");
            migrationBuilder.Sql("CREATE INDEX nurse_commands_waiting ON nurse_commands (site, id) WHERE answer IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE nurse_commands");
            migrationBuilder.Sql("DROP TABLE controller_sites");
        }
    }
}
