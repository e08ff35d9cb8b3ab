using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace InfusionSuite.Storage.PostgreSql.Migrations
{
    /// <summary>The twin of the SQLite migration AssessmentChanges: corrections of outcome assessments, append-only.</summary>
    public partial class AssessmentChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "course_assessment_changes",
                columns: table => new
                {
                    change_key = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    change_id = table.Column<string>(type: "text", nullable: false),
                    assessment_id = table.Column<string>(type: "text", nullable: false),
                    course_key = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    assessed_at_ms = table.Column<long>(type: "bigint", nullable: true),
                    dean = table.Column<int>(type: "integer", nullable: true),
                    ctcae_grade = table.Column<int>(type: "integer", nullable: true),
                    stopped_cooling = table.Column<bool>(type: "boolean", nullable: false),
                    stopped_reason = table.Column<string>(type: "text", nullable: true),
                    reason = table.Column<string>(type: "text", nullable: false),
                    nurse_id = table.Column<string>(type: "text", nullable: false),
                    entered_at_ms = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_course_assessment_changes", x => x.change_key);
                    table.ForeignKey(
                        name: "FK_course_assessment_changes_courses_course_key",
                        column: x => x.course_key,
                        principalTable: "courses",
                        principalColumn: "course_key",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_course_assessment_changes_assessment_id",
                table: "course_assessment_changes",
                column: "assessment_id");

            migrationBuilder.CreateIndex(
                name: "ix_course_assessment_changes_change_id",
                table: "course_assessment_changes",
                column: "change_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_course_assessment_changes_course_key",
                table: "course_assessment_changes",
                column: "course_key");

            migrationBuilder.Sql("CREATE TRIGGER course_assessment_changes_no_update BEFORE UPDATE ON course_assessment_changes FOR EACH ROW EXECUTE FUNCTION refuse_change();");
            migrationBuilder.Sql("CREATE TRIGGER course_assessment_changes_no_delete BEFORE DELETE ON course_assessment_changes FOR EACH ROW EXECUTE FUNCTION refuse_change();");
            migrationBuilder.Sql("CREATE TRIGGER course_assessment_changes_no_truncate BEFORE TRUNCATE ON course_assessment_changes FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS course_assessment_changes_no_update ON course_assessment_changes;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS course_assessment_changes_no_delete ON course_assessment_changes;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS course_assessment_changes_no_truncate ON course_assessment_changes;");
            migrationBuilder.DropTable(
                name: "course_assessment_changes");
        }
    }
}
