using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InfusionSuite.Storage.Migrations
{
    /// <inheritdoc />
    public partial class SessionReportedFingerprint : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "reported_fingerprint",
                table: "sessions",
                type: "TEXT",
                nullable: true);

            // Sessions that ended before this was kept were reported as they ended (their record as rebuilt counts as reported).
            migrationBuilder.Sql("UPDATE sessions SET reported_fingerprint = 'before-kept' WHERE ended_at_ms IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "reported_fingerprint",
                table: "sessions");
        }
    }
}
