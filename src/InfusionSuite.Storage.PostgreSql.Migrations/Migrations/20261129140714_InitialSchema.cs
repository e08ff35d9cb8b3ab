using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace InfusionSuite.Storage.PostgreSql.Migrations
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
                    controller_key = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    controller_id = table.Column<string>(type: "text", nullable: false),
                    model = table.Column<string>(type: "text", nullable: true),
                    firmware = table.Column<string>(type: "text", nullable: true),
                    boot = table.Column<int>(type: "integer", nullable: true),
                    last_hello_at_ms = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_controllers", x => x.controller_key);
                });

            migrationBuilder.CreateTable(
                name: "courses",
                columns: table => new
                {
                    course_key = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    course_id = table.Column<string>(type: "text", nullable: false),
                    patient_reference = table.Column<string>(type: "text", nullable: false),
                    regimen = table.Column<string>(type: "text", nullable: false),
                    cap_measured_and_calibrated = table.Column<bool>(type: "boolean", nullable: false),
                    created_at_ms = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_courses", x => x.course_key);
                });

            migrationBuilder.CreateTable(
                name: "nurse_audit",
                columns: table => new
                {
                    audit_key = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    session_key = table.Column<int>(type: "integer", nullable: false),
                    ingest_seq = table.Column<long>(type: "bigint", nullable: false),
                    action = table.Column<int>(type: "integer", nullable: false),
                    nurse_id = table.Column<string>(type: "text", nullable: false),
                    entered_at_ms = table.Column<long>(type: "bigint", nullable: false),
                    effective_at_ms = table.Column<long>(type: "bigint", nullable: false),
                    status_before = table.Column<int>(type: "integer", nullable: true),
                    status_after = table.Column<int>(type: "integer", nullable: false),
                    change = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_nurse_audit", x => x.audit_key);
                });

            migrationBuilder.CreateTable(
                name: "outbox",
                columns: table => new
                {
                    item_key = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    id = table.Column<string>(type: "text", nullable: false),
                    session_id = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    content_type = table.Column<string>(type: "text", nullable: false),
                    payload = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    enqueued_at_ticks = table.Column<long>(type: "bigint", nullable: false),
                    next_attempt_at_ticks = table.Column<long>(type: "bigint", nullable: false),
                    sent_at_ticks = table.Column<long>(type: "bigint", nullable: true),
                    parked_reason = table.Column<string>(type: "text", nullable: true),
                    validation_json = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox", x => x.item_key);
                });

            migrationBuilder.CreateTable(
                name: "patients",
                columns: table => new
                {
                    patient_key = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    patient_reference = table.Column<string>(type: "text", nullable: false),
                    display_name = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_patients", x => x.patient_key);
                });

            migrationBuilder.CreateTable(
                name: "policies",
                columns: table => new
                {
                    policy_key = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    hash = table.Column<string>(type: "text", nullable: false),
                    json = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_policies", x => x.policy_key);
                });

            migrationBuilder.CreateTable(
                name: "session_inputs",
                columns: table => new
                {
                    ingest_seq = table.Column<long>(type: "bigint", nullable: false),
                    session_key = table.Column<int>(type: "integer", nullable: true),
                    controller_key = table.Column<int>(type: "integer", nullable: true),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    boot = table.Column<int>(type: "integer", nullable: true),
                    seq = table.Column<long>(type: "bigint", nullable: true),
                    received_at_ms = table.Column<long>(type: "bigint", nullable: false),
                    payload = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_session_inputs", x => x.ingest_seq);
                });

            migrationBuilder.CreateTable(
                name: "staff_audit",
                columns: table => new
                {
                    audit_key = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    at_ms = table.Column<long>(type: "bigint", nullable: false),
                    actor = table.Column<string>(type: "text", nullable: false),
                    action = table.Column<string>(type: "text", nullable: false),
                    subject = table.Column<string>(type: "text", nullable: false),
                    detail = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staff_audit", x => x.audit_key);
                });

            migrationBuilder.CreateTable(
                name: "telemetry",
                columns: table => new
                {
                    ingest_seq = table.Column<long>(type: "bigint", nullable: false),
                    controller_key = table.Column<int>(type: "integer", nullable: false),
                    boot = table.Column<int>(type: "integer", nullable: false),
                    seq = table.Column<long>(type: "bigint", nullable: false),
                    ts_ms = table.Column<long>(type: "bigint", nullable: false),
                    received_offset_ms = table.Column<long>(type: "bigint", nullable: false),
                    packed = table.Column<int>(type: "integer", nullable: false),
                    coolant = table.Column<int>(type: "integer", nullable: false),
                    scalp = table.Column<int>(type: "integer", nullable: true),
                    flow = table.Column<int>(type: "integer", nullable: false),
                    session_key = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_telemetry", x => x.ingest_seq);
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    user_key = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<string>(type: "text", nullable: false),
                    user_name = table.Column<string>(type: "text", nullable: false),
                    display_name = table.Column<string>(type: "text", nullable: false),
                    role = table.Column<int>(type: "integer", nullable: false),
                    password_hash = table.Column<string>(type: "text", nullable: false),
                    failed_sign_ins = table.Column<int>(type: "integer", nullable: false),
                    locked_until_ms = table.Column<long>(type: "bigint", nullable: true),
                    disabled = table.Column<bool>(type: "boolean", nullable: false),
                    practitioner_id = table.Column<string>(type: "text", nullable: true),
                    created_at_ms = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_users", x => x.user_key);
                });

            migrationBuilder.CreateTable(
                name: "outbox_attempts",
                columns: table => new
                {
                    attempt_key = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    item_key = table.Column<long>(type: "bigint", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    started_at_ticks = table.Column<long>(type: "bigint", nullable: false),
                    finished_at_ticks = table.Column<long>(type: "bigint", nullable: false),
                    outcome = table.Column<int>(type: "integer", nullable: false),
                    http_status = table.Column<int>(type: "integer", nullable: true),
                    server_message = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox_attempts", x => x.attempt_key);
                    table.ForeignKey(
                        name: "FK_outbox_attempts_outbox_item_key",
                        column: x => x.item_key,
                        principalTable: "outbox",
                        principalColumn: "item_key",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "sessions",
                columns: table => new
                {
                    session_key = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    session_id = table.Column<string>(type: "text", nullable: false),
                    course_key = table.Column<int>(type: "integer", nullable: false),
                    controller_key = table.Column<int>(type: "integer", nullable: false),
                    policy_key = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    started_at_ms = table.Column<long>(type: "bigint", nullable: false),
                    ended_at_ms = table.Column<long>(type: "bigint", nullable: true)
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

            migrationBuilder.CreateTable(
                name: "api_tokens",
                columns: table => new
                {
                    token_key = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    token_hash = table.Column<string>(type: "text", nullable: false),
                    user_key = table.Column<int>(type: "integer", nullable: false),
                    created_at_ms = table.Column<long>(type: "bigint", nullable: false),
                    revoked_at_ms = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_api_tokens", x => x.token_key);
                    table.ForeignKey(
                        name: "FK_api_tokens_users_user_key",
                        column: x => x.user_key,
                        principalTable: "users",
                        principalColumn: "user_key",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_api_tokens_token_hash",
                table: "api_tokens",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_api_tokens_user_key",
                table: "api_tokens",
                column: "user_key");

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
                name: "ix_outbox_enqueued_at_ticks",
                table: "outbox",
                column: "enqueued_at_ticks");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_id",
                table: "outbox",
                column: "id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_session_id",
                table: "outbox",
                column: "session_id");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_status_next_attempt_at_ticks",
                table: "outbox",
                columns: new[] { "status", "next_attempt_at_ticks" });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_attempts_item_key",
                table: "outbox_attempts",
                column: "item_key");

            migrationBuilder.CreateIndex(
                name: "ix_patients_patient_reference",
                table: "patients",
                column: "patient_reference",
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "ix_users_user_id",
                table: "users",
                column: "user_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_users_user_name",
                table: "users",
                column: "user_name",
                unique: true);

            // The audits and the delivery history are append-only, as in SQLite (same message).
            migrationBuilder.Sql("""
                CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
                END;
                $$;
                """);
            foreach (var table in AppendOnly)
            {
                migrationBuilder.Sql($"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} FOR EACH ROW EXECUTE FUNCTION refuse_change();");
                migrationBuilder.Sql($"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} FOR EACH ROW EXECUTE FUNCTION refuse_change();");
                migrationBuilder.Sql($"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();");
            }
        }

        private static readonly string[] AppendOnly = ["nurse_audit", "staff_audit", "outbox_attempts"];

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in AppendOnly)
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {table}_no_update ON {table};");
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {table}_no_delete ON {table};");
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table};");
            }

            migrationBuilder.Sql("DROP FUNCTION IF EXISTS refuse_change();");
            migrationBuilder.DropTable(
                name: "api_tokens");

            migrationBuilder.DropTable(
                name: "nurse_audit");

            migrationBuilder.DropTable(
                name: "outbox_attempts");

            migrationBuilder.DropTable(
                name: "patients");

            migrationBuilder.DropTable(
                name: "session_inputs");

            migrationBuilder.DropTable(
                name: "sessions");

            migrationBuilder.DropTable(
                name: "staff_audit");

            migrationBuilder.DropTable(
                name: "telemetry");

            migrationBuilder.DropTable(
                name: "users");

            migrationBuilder.DropTable(
                name: "outbox");

            migrationBuilder.DropTable(
                name: "controllers");

            migrationBuilder.DropTable(
                name: "courses");

            migrationBuilder.DropTable(
                name: "policies");
        }
    }
}
