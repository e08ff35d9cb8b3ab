using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InfusionSuite.Storage.PostgreSql.Migrations
{
    /// <summary>
    /// When each controller was last heard (<c>controllers.last_heard_at_ms</c>, UTC ms, written by the writer at most once a
    /// minute per controller), filled in from the stored telemetry for controllers heard before: the board keeps a chair known by
    /// it across a restart (issue 16).
    /// </summary>
    public partial class ControllerLastHeard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "last_heard_at_ms",
                table: "controllers",
                type: "bigint",
                nullable: true);

            migrationBuilder.Sql(
                "UPDATE controllers SET last_heard_at_ms = (SELECT MAX(t.ts_ms + t.received_offset_ms) FROM telemetry t WHERE t.controller_key = controllers.controller_key)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "last_heard_at_ms",
                table: "controllers");
        }
    }
}
