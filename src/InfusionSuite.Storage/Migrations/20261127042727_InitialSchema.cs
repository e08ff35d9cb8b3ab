using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InfusionSuite.Storage.Migrations
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "controllers",
                columns: table => new
                {
                    controller_key = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    controller_id = table.Column<string>(type: "TEXT", nullable: false),
                    model = table.Column<string>(type: "TEXT", nullable: true),
                    firmware = table.Column<string>(type: "TEXT", nullable: true),
                    boot = table.Column<int>(type: "INTEGER", nullable: true),
                    last_hello_at_ms = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_controllers", x => x.controller_key);
                });

            migrationBuilder.CreateTable(
                name: "courses",
                columns: table => new
                {
                    course_key = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    course_id = table.Column<string>(type: "TEXT", nullable: false),
                    patient_reference = table.Column<string>(type: "TEXT", nullable: false),
                    regimen = table.Column<string>(type: "TEXT", nullable: false),
                    cap_measured_and_calibrated = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at_ms = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_courses", x => x.course_key);
                });

            migrationBuilder.CreateTable(
                name: "nurse_audit",
                columns: table => new
                {
                    audit_key = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    session_key = table.Column<int>(type: "INTEGER", nullable: false),
                    ingest_seq = table.Column<long>(type: "INTEGER", nullable: false),
                    action = table.Column<int>(type: "INTEGER", nullable: false),
                    nurse_id = table.Column<string>(type: "TEXT", nullable: false),
                    entered_at_ms = table.Column<long>(type: "INTEGER", nullable: false),
                    effective_at_ms = table.Column<long>(type: "INTEGER", nullable: false),
                    status_before = table.Column<int>(type: "INTEGER", nullable: true),
                    status_after = table.Column<int>(type: "INTEGER", nullable: false),
                    change = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_nurse_audit", x => x.audit_key);
                });

            migrationBuilder.CreateTable(
                name: "policies",
                columns: table => new
                {
                    policy_key = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    hash = table.Column<string>(type: "TEXT", nullable: false),
                    json = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_policies", x => x.policy_key);
                });

            migrationBuilder.CreateTable(
                name: "session_inputs",
                columns: table => new
                {
                    ingest_seq = table.Column<long>(type: "INTEGER", nullable: false),
                    session_key = table.Column<int>(type: "INTEGER", nullable: true),
                    controller_key = table.Column<int>(type: "INTEGER", nullable: true),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    boot = table.Column<int>(type: "INTEGER", nullable: true),
                    seq = table.Column<long>(type: "INTEGER", nullable: true),
                    received_at_ms = table.Column<long>(type: "INTEGER", nullable: false),
                    payload = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_session_inputs", x => x.ingest_seq);
                });

            migrationBuilder.CreateTable(
                name: "telemetry",
                columns: table => new
                {
                    ingest_seq = table.Column<long>(type: "INTEGER", nullable: false),
                    controller_key = table.Column<int>(type: "INTEGER", nullable: false),
                    boot = table.Column<int>(type: "INTEGER", nullable: false),
                    seq = table.Column<long>(type: "INTEGER", nullable: false),
                    ts_ms = table.Column<long>(type: "INTEGER", nullable: false),
                    received_offset_ms = table.Column<long>(type: "INTEGER", nullable: false),
                    packed = table.Column<int>(type: "INTEGER", nullable: false),
                    coolant = table.Column<int>(type: "INTEGER", nullable: false),
                    scalp = table.Column<int>(type: "INTEGER", nullable: true),
                    flow = table.Column<int>(type: "INTEGER", nullable: false),
                    session_key = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_telemetry", x => x.ingest_seq);
                });

            migrationBuilder.CreateTable(
                name: "sessions",
                columns: table => new
                {
                    session_key = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    session_id = table.Column<string>(type: "TEXT", nullable: false),
                    course_key = table.Column<int>(type: "INTEGER", nullable: false),
                    controller_key = table.Column<int>(type: "INTEGER", nullable: false),
                    policy_key = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    started_at_ms = table.Column<long>(type: "INTEGER", nullable: false),
                    ended_at_ms = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sessions", x => x.session_key);
                    table.ForeignKey(
                        name: "FK_sessions_controllers_controller_key",
                        column: x => x.controller_key,
                        principalTable: "controllers",
                        principalColumn: "controller_key",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_sessions_courses_course_key",
                        column: x => x.course_key,
                        principalTable: "courses",
                        principalColumn: "course_key",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_sessions_policies_policy_key",
                        column: x => x.policy_key,
                        principalTable: "policies",
                        principalColumn: "policy_key",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_controllers_controller_id",
                table: "controllers",
                column: "controller_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_courses_course_id",
                table: "courses",
                column: "course_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_nurse_audit_session_key",
                table: "nurse_audit",
                column: "session_key");

            migrationBuilder.CreateIndex(
                name: "ix_policies_hash",
                table: "policies",
                column: "hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_session_inputs_controller_key_boot_seq",
                table: "session_inputs",
                columns: new[] { "controller_key", "boot", "seq" },
                unique: true,
                filter: "seq IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_session_inputs_session_key",
                table: "session_inputs",
                column: "session_key");

            migrationBuilder.CreateIndex(
                name: "ix_sessions_controller_key",
                table: "sessions",
                column: "controller_key");

            migrationBuilder.CreateIndex(
                name: "ix_sessions_course_key",
                table: "sessions",
                column: "course_key");

            migrationBuilder.CreateIndex(
                name: "ix_sessions_ended_at_ms",
                table: "sessions",
                column: "ended_at_ms");

            migrationBuilder.CreateIndex(
                name: "ix_sessions_policy_key",
                table: "sessions",
                column: "policy_key");

            migrationBuilder.CreateIndex(
                name: "ix_sessions_session_id",
                table: "sessions",
                column: "session_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sessions_started_at_ms",
                table: "sessions",
                column: "started_at_ms");

            migrationBuilder.CreateIndex(
                name: "ix_telemetry_controller_key_boot_seq",
                table: "telemetry",
                columns: new[] { "controller_key", "boot", "seq" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_telemetry_session_key",
                table: "telemetry",
                column: "session_key");

            // The nurse audit is append-only.
            migrationBuilder.Sql("CREATE TRIGGER nurse_audit_no_update BEFORE UPDATE ON nurse_audit BEGIN SELECT RAISE(ABORT, 'nurse_audit is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER nurse_audit_no_delete BEFORE DELETE ON nurse_audit BEGIN SELECT RAISE(ABORT, 'nurse_audit is append-only'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS nurse_audit_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS nurse_audit_no_delete;");

            migrationBuilder.DropTable(
                name: "nurse_audit");

            migrationBuilder.DropTable(
                name: "session_inputs");

            migrationBuilder.DropTable(
                name: "sessions");

            migrationBuilder.DropTable(
                name: "telemetry");

            migrationBuilder.DropTable(
                name: "controllers");

            migrationBuilder.DropTable(
                name: "courses");

            migrationBuilder.DropTable(
                name: "policies");
        }
    }
}
