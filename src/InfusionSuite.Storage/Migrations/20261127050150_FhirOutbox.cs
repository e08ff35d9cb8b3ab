using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InfusionSuite.Storage.Migrations
{
    /// <inheritdoc />
    public partial class FhirOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "fhir_outbox",
                columns: table => new
                {
                    item_key = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    session_id = table.Column<string>(type: "TEXT", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    bundle_json = table.Column<string>(type: "TEXT", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    enqueued_at_ticks = table.Column<long>(type: "INTEGER", nullable: false),
                    next_attempt_at_ticks = table.Column<long>(type: "INTEGER", nullable: false),
                    sent_at_ticks = table.Column<long>(type: "INTEGER", nullable: true),
                    parked_reason = table.Column<string>(type: "TEXT", nullable: true),
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

            // Attempts are the delivery history staff rely on: append-only, as nurse_audit.
            migrationBuilder.Sql("CREATE TRIGGER fhir_outbox_attempts_no_update BEFORE UPDATE ON fhir_outbox_attempts BEGIN SELECT RAISE(ABORT, 'fhir_outbox_attempts is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER fhir_outbox_attempts_no_delete BEFORE DELETE ON fhir_outbox_attempts BEGIN SELECT RAISE(ABORT, 'fhir_outbox_attempts is append-only'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS fhir_outbox_attempts_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS fhir_outbox_attempts_no_delete;");

            migrationBuilder.DropTable(
                name: "fhir_outbox_attempts");

            migrationBuilder.DropTable(
                name: "fhir_outbox");
        }
    }
}
