using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InfusionSuite.Storage.Migrations
{
    /// <summary>
    /// Issue 17: what nurses document for a course beside its sessions — chemotherapy given without
    /// cooling (<c>course_not_cooled</c>) and outcome assessments (<c>course_assessments</c>: Dean, CTCAE,
    /// stopped cooling). Both are append-only (triggers), each row its own audit (who, when entered).
    /// </summary>
    public partial class CourseOutcomes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "course_assessments",
                columns: table => new
                {
                    assessment_key = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    assessment_id = table.Column<string>(type: "TEXT", nullable: false),
                    course_key = table.Column<int>(type: "INTEGER", nullable: false),
                    assessed_at_ms = table.Column<long>(type: "INTEGER", nullable: false),
                    dean = table.Column<int>(type: "INTEGER", nullable: true),
                    ctcae_grade = table.Column<int>(type: "INTEGER", nullable: true),
                    stopped_cooling = table.Column<bool>(type: "INTEGER", nullable: false),
                    stopped_reason = table.Column<string>(type: "TEXT", nullable: true),
                    nurse_id = table.Column<string>(type: "TEXT", nullable: false),
                    entered_at_ms = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_course_assessments", x => x.assessment_key);
                    table.ForeignKey(
                        name: "FK_course_assessments_courses_course_key",
                        column: x => x.course_key,
                        principalTable: "courses",
                        principalColumn: "course_key",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "course_not_cooled",
                columns: table => new
                {
                    entry_key = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    entry_id = table.Column<string>(type: "TEXT", nullable: false),
                    course_key = table.Column<int>(type: "INTEGER", nullable: false),
                    given_at_ms = table.Column<long>(type: "INTEGER", nullable: false),
                    reason = table.Column<int>(type: "INTEGER", nullable: false),
                    reason_text = table.Column<string>(type: "TEXT", nullable: true),
                    nurse_id = table.Column<string>(type: "TEXT", nullable: false),
                    entered_at_ms = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_course_not_cooled", x => x.entry_key);
                    table.ForeignKey(
                        name: "FK_course_not_cooled_courses_course_key",
                        column: x => x.course_key,
                        principalTable: "courses",
                        principalColumn: "course_key",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_course_assessments_assessment_id",
                table: "course_assessments",
                column: "assessment_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_course_assessments_course_key",
                table: "course_assessments",
                column: "course_key");

            migrationBuilder.CreateIndex(
                name: "ix_course_not_cooled_course_key",
                table: "course_not_cooled",
                column: "course_key");

            migrationBuilder.CreateIndex(
                name: "ix_course_not_cooled_entry_id",
                table: "course_not_cooled",
                column: "entry_id",
                unique: true);

            foreach (var table in new[] { "course_not_cooled", "course_assessments" })
            {
                migrationBuilder.Sql($"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;");
                migrationBuilder.Sql($"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in new[] { "course_not_cooled", "course_assessments" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {table}_no_update;");
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {table}_no_delete;");
            }

            migrationBuilder.DropTable(
                name: "course_assessments");

            migrationBuilder.DropTable(
                name: "course_not_cooled");
        }
    }
}
