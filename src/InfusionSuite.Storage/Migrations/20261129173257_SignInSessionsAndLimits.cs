using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InfusionSuite.Storage.Migrations
{
    /// <inheritdoc />
    public partial class SignInSessionsAndLimits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sign_in_failures",
                columns: table => new
                {
                    failure_key = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    user_key = table.Column<int>(type: "INTEGER", nullable: false),
                    client = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    failed = table.Column<int>(type: "INTEGER", nullable: false),
                    locked_until_ms = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sign_in_failures", x => x.failure_key);
                    table.ForeignKey(
                        name: "FK_sign_in_failures_users_user_key",
                        column: x => x.user_key,
                        principalTable: "users",
                        principalColumn: "user_key",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sign_ins",
                columns: table => new
                {
                    sign_in_key = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    key = table.Column<string>(type: "TEXT", nullable: false),
                    user_key = table.Column<int>(type: "INTEGER", nullable: false),
                    ticket = table.Column<byte[]>(type: "BLOB", nullable: false),
                    created_at_ms = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at_ms = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sign_ins", x => x.sign_in_key);
                    table.ForeignKey(
                        name: "FK_sign_ins_users_user_key",
                        column: x => x.user_key,
                        principalTable: "users",
                        principalColumn: "user_key",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_sign_in_failures_user_key_client",
                table: "sign_in_failures",
                columns: new[] { "user_key", "client" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sign_ins_key",
                table: "sign_ins",
                column: "key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sign_ins_user_key",
                table: "sign_ins",
                column: "user_key");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sign_in_failures");

            migrationBuilder.DropTable(
                name: "sign_ins");
        }
    }
}
