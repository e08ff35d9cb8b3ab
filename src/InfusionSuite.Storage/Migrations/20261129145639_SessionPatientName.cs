using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InfusionSuite.Storage.Migrations
{
    /// <inheritdoc />
    public partial class SessionPatientName : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "patient_name",
                table: "sessions",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "patient_name",
                table: "sessions");
        }
    }
}
