using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InfusionSuite.Storage.Migrations
{
    /// <summary>
    /// The FHIR outbox becomes an outbox of opaque payloads (<c>outbox</c>, <c>outbox_attempts</c>): the
    /// Bundle column becomes <c>payload</c> with a <c>content_type</c>; existing items and their attempts are kept.
    /// </summary>
    public partial class OpaqueOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "outbox",
                columns: table => new
                {
                    item_key = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    session_id = table.Column<string>(type: "TEXT", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    content_type = table.Column<string>(type: "TEXT", nullable: false),
                    payload = table.Column<string>(type: "TEXT", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    enqueued_at_ticks = table.Column<long>(type: "INTEGER", nullable: false),
                    next_attempt_at_ticks = table.Column<long>(type: "INTEGER", nullable: false),
                    sent_at_ticks = table.Column<long>(type: "INTEGER", nullable: true),
                    parked_reason = table.Column<string>(type: "TEXT", nullable: true),
                    validation_json = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox", x => x.item_key);
                });

            migrationBuilder.CreateTable(
                name: "outbox_attempts",
                columns: table => new
                {
                    attempt_key = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    item_key = table.Column<long>(type: "INTEGER", nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    started_at_ticks = table.Column<long>(type: "INTEGER", nullable: false),
                    finished_at_ticks = table.Column<long>(type: "INTEGER", nullable: false),
                    outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    http_status = table.Column<int>(type: "INTEGER", nullable: true),
                    server_message = table.Column<string>(type: "TEXT", nullable: true)
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

            // The rows move as they are (keys, schedule, attempts): every item so far is a FHIR Bundle.
            migrationBuilder.Sql("""
                INSERT INTO outbox (item_key, id, session_id, kind, content_type, payload, status, enqueued_at_ticks, next_attempt_at_ticks, sent_at_ticks, parked_reason, validation_json)
                SELECT item_key, id, session_id, kind, 'application/fhir+json', bundle_json, status, enqueued_at_ticks, next_attempt_at_ticks, sent_at_ticks, parked_reason, validation_json
                FROM fhir_outbox ORDER BY item_key;
                """);
            migrationBuilder.Sql("""
                INSERT INTO outbox_attempts (attempt_key, item_key, number, started_at_ticks, finished_at_ticks, outcome, http_status, server_message)
                SELECT attempt_key, item_key, number, started_at_ticks, finished_at_ticks, outcome, http_status, server_message
                FROM fhir_outbox_attempts ORDER BY attempt_key;
                """);
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS fhir_outbox_attempts_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS fhir_outbox_attempts_no_delete;");

            migrationBuilder.DropTable(
                name: "fhir_outbox_attempts");

            migrationBuilder.DropTable(
                name: "fhir_outbox");

            // Attempts are the delivery history staff rely on: append-only, as nurse_audit.
            migrationBuilder.Sql("CREATE TRIGGER outbox_attempts_no_update BEFORE UPDATE ON outbox_attempts BEGIN SELECT RAISE(ABORT, 'outbox_attempts is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER outbox_attempts_no_delete BEFORE DELETE ON outbox_attempts BEGIN SELECT RAISE(ABORT, 'outbox_attempts is append-only'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "fhir_outbox",
                columns: table => new
                {
                    item_key = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    bundle_json = table.Column<string>(type: "TEXT", nullable: false),
                    enqueued_at_ticks = table.Column<long>(type: "INTEGER", nullable: false),
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    next_attempt_at_ticks = table.Column<long>(type: "INTEGER", nullable: false),
                    parked_reason = table.Column<string>(type: "TEXT", nullable: true),
                    sent_at_ticks = table.Column<long>(type: "INTEGER", nullable: true),
                    session_id = table.Column<string>(type: "TEXT", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    validation_json = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fhir_outbox", x => x.item_key);
                });

            migrationBuilder.CreateTable(
                name: "fhir_outbox_attempts",
                columns: table => new
                {
                    attempt_key = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    finished_at_ticks = table.Column<long>(type: "INTEGER", nullable: false),
                    http_status = table.Column<int>(type: "INTEGER", nullable: true),
                    item_key = table.Column<long>(type: "INTEGER", nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    server_message = table.Column<string>(type: "TEXT", nullable: true),
                    started_at_ticks = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fhir_outbox_attempts", x => x.attempt_key);
                    table.ForeignKey(
                        name: "FK_fhir_outbox_attempts_fhir_outbox_item_key",
                        column: x => x.item_key,
                        principalTable: "fhir_outbox",
                        principalColumn: "item_key",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_fhir_outbox_enqueued_at_ticks",
                table: "fhir_outbox",
                column: "enqueued_at_ticks");

            migrationBuilder.CreateIndex(
                name: "ix_fhir_outbox_id",
                table: "fhir_outbox",
                column: "id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_fhir_outbox_session_id",
                table: "fhir_outbox",
                column: "session_id");

            migrationBuilder.CreateIndex(
                name: "ix_fhir_outbox_status_next_attempt_at_ticks",
                table: "fhir_outbox",
                columns: new[] { "status", "next_attempt_at_ticks" });

            migrationBuilder.CreateIndex(
                name: "ix_fhir_outbox_attempts_item_key",
                table: "fhir_outbox_attempts",
                column: "item_key");

            migrationBuilder.Sql("""
                INSERT INTO fhir_outbox (item_key, id, session_id, kind, bundle_json, status, enqueued_at_ticks, next_attempt_at_ticks, sent_at_ticks, parked_reason, validation_json)
                SELECT item_key, id, session_id, kind, payload, status, enqueued_at_ticks, next_attempt_at_ticks, sent_at_ticks, parked_reason, validation_json
                FROM outbox WHERE content_type = 'application/fhir+json' ORDER BY item_key;
                """);
            migrationBuilder.Sql("""
                INSERT INTO fhir_outbox_attempts (attempt_key, item_key, number, started_at_ticks, finished_at_ticks, outcome, http_status, server_message)
                SELECT a.attempt_key, a.item_key, a.number, a.started_at_ticks, a.finished_at_ticks, a.outcome, a.http_status, a.server_message
                FROM outbox_attempts a JOIN outbox o ON o.item_key = a.item_key WHERE o.content_type = 'application/fhir+json' ORDER BY a.attempt_key;
                """);
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS outbox_attempts_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS outbox_attempts_no_delete;");

            migrationBuilder.DropTable(
                name: "outbox_attempts");

            migrationBuilder.DropTable(
                name: "outbox");

            migrationBuilder.Sql("CREATE TRIGGER fhir_outbox_attempts_no_update BEFORE UPDATE ON fhir_outbox_attempts BEGIN SELECT RAISE(ABORT, 'fhir_outbox_attempts is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER fhir_outbox_attempts_no_delete BEFORE DELETE ON fhir_outbox_attempts BEGIN SELECT RAISE(ABORT, 'fhir_outbox_attempts is append-only'); END;");
        }
    }
}
