using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InfusionSuite.Storage.Migrations
{
    /// <summary>
    /// Issue 17: corrections of outcome assessments and "entered in error" (<c>course_assessment_changes</c>), each
    /// with the reason, who and when; append-only (triggers), like the assessments they change.
    /// </summary>
    public partial class AssessmentChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "course_assessment_changes",
                columns: table => new
                {
                    change_key = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    change_id = table.Column<string>(type: "TEXT", nullable: false),
                    assessment_id = table.Column<string>(type: "TEXT", nullable: false),
                    course_key = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    assessed_at_ms = table.Column<long>(type: "INTEGER", nullable: true),
                    dean = table.Column<int>(type: "INTEGER", nullable: true),
                    ctcae_grade = table.Column<int>(type: "INTEGER", nullable: true),
                    stopped_cooling = table.Column<bool>(type: "INTEGER", nullable: false),
                    stopped_reason = table.Column<string>(type: "TEXT", nullable: true),
                    reason = table.Column<string>(type: "TEXT", nullable: false),
                    nurse_id = table.Column<string>(type: "TEXT", nullable: false),
                    entered_at_ms = table.Column<long>(type: "INTEGER", nullable: false)
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

            migrationBuilder.Sql("CREATE TRIGGER course_assessment_changes_no_update BEFORE UPDATE ON course_assessment_changes BEGIN SELECT RAISE(ABORT, 'course_assessment_changes is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER course_assessment_changes_no_delete BEFORE DELETE ON course_assessment_changes BEGIN SELECT RAISE(ABORT, 'course_assessment_changes is append-only'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS course_assessment_changes_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS course_assessment_changes_no_delete;");
            migrationBuilder.DropTable(
                name: "course_assessment_changes");
        }
    }
}
