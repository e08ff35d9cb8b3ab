using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InfusionSuite.Storage.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class MessageKeyWithTs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_telemetry_controller_key_boot_seq",
                table: "telemetry");

            migrationBuilder.DropIndex(
                name: "ix_session_inputs_controller_key_boot_seq",
                table: "session_inputs");

            migrationBuilder.AddColumn<long>(
                name: "ts_ms",
                table: "session_inputs",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_telemetry_controller_key_boot_seq_ts_ms",
                table: "telemetry",
                columns: new[] { "controller_key", "boot", "seq", "ts_ms" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_session_inputs_controller_key_boot_seq_ts_ms",
                table: "session_inputs",
                columns: new[] { "controller_key", "boot", "seq", "ts_ms" },
                unique: true,
                filter: "seq IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_telemetry_controller_key_boot_seq_ts_ms",
                table: "telemetry");

            migrationBuilder.DropIndex(
                name: "ix_session_inputs_controller_key_boot_seq_ts_ms",
                table: "session_inputs");

            migrationBuilder.DropColumn(
                name: "ts_ms",
                table: "session_inputs");

            migrationBuilder.CreateIndex(
                name: "ix_telemetry_controller_key_boot_seq",
                table: "telemetry",
                columns: new[] { "controller_key", "boot", "seq" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_session_inputs_controller_key_boot_seq",
                table: "session_inputs",
                columns: new[] { "controller_key", "boot", "seq" },
                unique: true,
                filter: "seq IS NOT NULL");
        }
    }
}
