using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InfusionSuite.Storage.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ControllerSetpoint : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "setpoint_at_ms",
                table: "controllers",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "setpoint_tenths",
                table: "controllers",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "setpoint_at_ms",
                table: "controllers");

            migrationBuilder.DropColumn(
                name: "setpoint_tenths",
                table: "controllers");
        }
    }
}
