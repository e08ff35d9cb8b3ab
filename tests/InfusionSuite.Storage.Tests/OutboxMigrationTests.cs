using InfusionSuite.Application.Outbox;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionSuite.Storage.Tests;

/// <summary>A database written before the outbox became opaque keeps its items, their schedule and their attempts.</summary>
public sealed class OutboxMigrationTests
{
    [Fact]
    public async Task FhirOutboxRows_MoveToTheOpaqueOutbox_WithTheirAttempts_StillAppendOnly()
    {
        await using var fixture = new StoreFixture();
        var options = new DbContextOptionsBuilder<InfusionSuiteDbContext>().UseSqlite($"Data Source={fixture.DatabasePath};Pooling=False").Options;
        await using (var db = new InfusionSuiteDbContext(options))
        {
            await db.GetService<IMigrator>().MigrateAsync("NurseStationAccounts");
            // ExecuteSqlRaw formats its text: {{ and }} are the JSON braces.
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO fhir_outbox (id, session_id, kind, bundle_json, status, enqueued_at_ticks, next_attempt_at_ticks, parked_reason)
                VALUES ('0193a0a0-0000-7000-8000-000000000001', 's-old', 1, '{{"resourceType":"Bundle"}}', 2, 100, 200, 'Refused.');
                INSERT INTO fhir_outbox_attempts (item_key, number, started_at_ticks, finished_at_ticks, outcome, http_status, server_message)
                SELECT item_key, 1, 150, 160, 2, 422, 'Unprocessable.' FROM fhir_outbox;
                """);
        }

        await fixture.OpenAsync();

        var item = Assert.Single(await fixture.Services.GetRequiredService<IOutbox>().ListAsync(new OutboxQuery(), CancellationToken.None));
        Assert.Equal(
            ("s-old", OutboxItemKind.Void, "application/fhir+json", """{"resourceType":"Bundle"}""", OutboxStatus.Parked, 100L, 200L, "Refused."),
            (item.SessionId, item.Kind, item.ContentType, item.Payload, item.Status, item.EnqueuedAt.UtcTicks, item.NextAttemptAt.UtcTicks, item.ParkedReason));
        var attempt = Assert.Single(item.Attempts);
        Assert.Equal((1, OutboxAttemptOutcome.Rejected, 422, "Unprocessable."), (attempt.Number, attempt.Outcome, attempt.HttpStatus, attempt.ServerMessage));
        Assert.Equal(0L, await IngestStoreTests.ScalarAsync(fixture, "SELECT count(*) FROM sqlite_master WHERE name LIKE 'fhir_outbox%'"));

        await using var connection = new SqliteConnection($"Data Source={fixture.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM outbox_attempts";
        var refused = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync());
        Assert.Contains("append-only", refused.Message, StringComparison.Ordinal);
    }
}
