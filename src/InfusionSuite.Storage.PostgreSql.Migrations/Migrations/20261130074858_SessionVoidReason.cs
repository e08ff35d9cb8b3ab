using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InfusionSuite.Storage.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class SessionVoidReason : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "void_reason",
                table: "sessions",
                type: "integer",
                nullable: true);

            // Sessions voided before the reason was kept: their reason from their log's void (input kind 7).
            migrationBuilder.Sql("UPDATE sessions SET void_reason = (SELECT CASE (i.payload::jsonb ->> 'Reason') WHEN 'EnteredInError' THEN 0 WHEN 'WrongPatient' THEN 1 WHEN 'WrongChair' THEN 2 WHEN 'DuplicateSession' THEN 3 WHEN 'Other' THEN 4 END FROM session_inputs i WHERE i.session_key = sessions.session_key AND i.kind = 7 LIMIT 1) WHERE EXISTS (SELECT 1 FROM session_inputs i WHERE i.session_key = sessions.session_key AND i.kind = 7)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "void_reason",
                table: "sessions");
        }
    }
}
