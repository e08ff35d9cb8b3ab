using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace InfusionSuite.Storage.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class CourseOutcomes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "course_assessments",
                columns: table => new
                {
                    assessment_key = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    assessment_id = table.Column<string>(type: "text", nullable: false),
                    course_key = table.Column<int>(type: "integer", nullable: false),
                    assessed_at_ms = table.Column<long>(type: "bigint", nullable: false),
                    dean = table.Column<int>(type: "integer", nullable: true),
                    ctcae_grade = table.Column<int>(type: "integer", nullable: true),
                    stopped_cooling = table.Column<bool>(type: "boolean", nullable: false),
                    stopped_reason = table.Column<string>(type: "text", nullable: true),
                    nurse_id = table.Column<string>(type: "text", nullable: false),
                    entered_at_ms = table.Column<long>(type: "bigint", nullable: false)
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
                    entry_key = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    entry_id = table.Column<string>(type: "text", nullable: false),
                    course_key = table.Column<int>(type: "integer", nullable: false),
                    given_at_ms = table.Column<long>(type: "bigint", nullable: false),
                    reason = table.Column<int>(type: "integer", nullable: false),
                    reason_text = table.Column<string>(type: "text", nullable: true),
                    nurse_id = table.Column<string>(type: "text", nullable: false),
                    entered_at_ms = table.Column<long>(type: "bigint", nullable: false)
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

            // Append-only, as in SQLite (the twin of the SQLite migration CourseOutcomes).
            foreach (var table in AppendOnly)
            {
                migrationBuilder.Sql($"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} FOR EACH ROW EXECUTE FUNCTION refuse_change();");
                migrationBuilder.Sql($"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} FOR EACH ROW EXECUTE FUNCTION refuse_change();");
                migrationBuilder.Sql($"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();");
            }
        }

        private static readonly string[] AppendOnly = ["course_not_cooled", "course_assessments"];

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in AppendOnly)
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {table}_no_update ON {table};");
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {table}_no_delete ON {table};");
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table};");
            }

            migrationBuilder.DropTable(
                name: "course_assessments");

            migrationBuilder.DropTable(
                name: "course_not_cooled");
        }
    }
}
