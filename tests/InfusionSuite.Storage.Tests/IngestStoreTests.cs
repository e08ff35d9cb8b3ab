using System.Text.Json;
using InfusionSuite.Application.Outbox;
using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Domain.Sessions.Inputs;
using Microsoft.Data.Sqlite;

namespace InfusionSuite.Storage.Tests;

/// <summary>The store on a real SQLite file and a real PostgreSQL database: what the writer commits is what a restart replays.</summary>
public sealed class IngestStoreTests
{
    private static readonly DateTimeOffset Nine = Sessions.Nine;
    private const long IngestOrderBlock = 1L << 40;

    [Theory]
    [BothEngines]
    public async Task CommittedLog_ReplaysToTheIdenticalRecordInIngestOrder(StorageProvider engine)
    {
        await using var fixture = new StoreFixture(engine);
        var recovery = await fixture.OpenAsync();
        // PostgreSQL: each writer start continues at a block of its own (workers writing at once never collide).
        Assert.Equal(engine == StorageProvider.PostgreSql ? IngestOrderBlock : 0, recovery.LastIngestSeq);
        var batch = new IngestBatch();
        var build = new Sessions(batch);
        var session = build.Start("s-1", "CHAIR-01", Nine);
        build.Event(session, "s-1", ControllerEventKind.Setpoint, 1, Nine.AddSeconds(1), "-5.0");
        build.Event(session, "s-1", ControllerEventKind.CapOn, 2, Nine.AddSeconds(2));
        for (uint seq = 3; seq < 60; seq++)
        {
            build.Sample(session, "s-1", "CHAIR-01", seq, Nine.AddSeconds(seq));
        }

        build.Event(session, "s-1", ControllerEventKind.CoolingStart, 60, Nine.AddSeconds(60));
        build.Sample(null, null, "CHAIR-99", 1, Nine.AddSeconds(61));
        await fixture.Store.CommitAsync(batch, CancellationToken.None);

        var stored = await fixture.Store.LoadSessionAsync("s-1", CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal("CHAIR-01", stored.ControllerId);
        Assert.Equal(61, stored.Log.Count);
        Assert.Equal(Json(session.ToRecord()), Json(ScalpCoolingSession.Replay(stored.Policy, stored.Log)));

        var again = await fixture.OpenAsync();
        Assert.Equal(engine == StorageProvider.PostgreSql ? 2 * IngestOrderBlock : build.LastSeq, again.LastIngestSeq);
        Assert.Equal("s-1", Assert.Single(again.Sessions).SessionId);
    }

    [Theory]
    [BothEngines]
    public async Task ControllersLatestHello_IsKeptAcrossAReopen(StorageProvider engine)
    {
        await using var fixture = new StoreFixture(engine);
        await fixture.OpenAsync();
        var batch = new IngestBatch();
        batch.Add(new ControllerSighting(new ControllerHello("CHAIR-06", 0xfeedbeef, "CoolCap C3", "4.2.1", 1), Nine));
        await fixture.Store.CommitAsync(batch, CancellationToken.None);

        var again = await fixture.OpenAsync();

        Assert.Equal(new ControllerHello("CHAIR-06", 0xfeedbeef, "CoolCap C3", "4.2.1", 1), Assert.Single(again.Hellos!));
    }

    [Theory]
    [BothEngines]
    public async Task EachControllersLastStoredSeq_OfItsLatestHellosBoot_IsGivenAtAReopen(StorageProvider engine)
    {
        await using var fixture = new StoreFixture(engine);
        await fixture.OpenAsync();
        var batch = new IngestBatch();
        var build = new Sessions(batch);
        batch.Add(new ControllerSighting(new ControllerHello("CHAIR-01", 0xbeef, "CoolCap C3", "4.2.1", 1), Nine));
        for (uint seq = 1; seq <= 5; seq++)
        {
            build.Sample(null, null, "CHAIR-01", seq, Nine.AddSeconds(seq)); // boot 0xbeef, the hello's
        }

        var otherBoot = Sessions.Telemetry("CHAIR-01", 900, Nine.AddSeconds(6)) with { Boot = 0x0badf00d }; // not the latest hello's boot
        batch.Add(new StoredTelemetry(1000, otherBoot, Nine.AddSeconds(6), null));
        await fixture.Store.CommitAsync(batch, CancellationToken.None);

        var again = await fixture.OpenAsync();

        Assert.Equal(new MessageKey("CHAIR-01", 0xbeef, 5), Assert.Single(again.LastMessages!));
    }

    [Theory]
    [BothEngines]
    public async Task ControllersLatestSetpoint_IsKeptAcrossAReopen_AnOlderReportNeverReplacesIt(StorageProvider engine)
    {
        await using var fixture = new StoreFixture(engine);
        await fixture.OpenAsync();
        var batch = new IngestBatch();
        batch.Add(new ControllerSetpointReport("CHAIR-05", Temperature.FromCelsius(-5.0m), Nine));
        await fixture.Store.CommitAsync(batch, CancellationToken.None);
        batch.Clear();
        batch.Add(new ControllerSetpointReport("CHAIR-05", Temperature.FromCelsius(-3.0m), Nine.AddMinutes(-1)));
        await fixture.Store.CommitAsync(batch, CancellationToken.None);

        var again = await fixture.OpenAsync();

        Assert.Equal(new ControllerSetpointReport("CHAIR-05", Temperature.FromCelsius(-5.0m), Nine), Assert.Single(again.Setpoints!));
    }

    [Theory]
    [BothEngines]
    public async Task RedeliveredSampleOrEvent_IsStoredOnce(StorageProvider engine)
    {
        await using var fixture = new StoreFixture(engine);
        await fixture.OpenAsync();
        var batch = new IngestBatch();
        var build = new Sessions(batch);
        build.Sample(null, null, "CHAIR-02", 7, Nine);
        build.Sample(null, null, "CHAIR-02", 7, Nine);
        await fixture.Store.CommitAsync(batch, CancellationToken.None);
        batch.Clear();
        build.Sample(null, null, "CHAIR-02", 7, Nine);
        await fixture.Store.CommitAsync(batch, CancellationToken.None);

        Assert.Equal(1L, await ScalarAsync(fixture, "SELECT count(*) FROM telemetry"));
    }

    [Theory]
    [BothEngines]
    public async Task ControllerReusingItsBootId_SameSeqAtALaterTime_IsStoredToo_AndReplaysAsTheSessionHadIt(StorageProvider engine)
    {
        await using var fixture = new StoreFixture(engine);
        await fixture.OpenAsync();
        var batch = new IngestBatch();
        var build = new Sessions(batch);
        var session = build.Start("s-9", "CHAIR-09", Nine);
        build.Event(session, "s-9", ControllerEventKind.CapOn, 1, Nine.AddSeconds(1));
        build.Sample(session, "s-9", "CHAIR-09", 2, Nine.AddSeconds(2));
        build.Event(session, "s-9", ControllerEventKind.CapOn, 1, Nine.AddMinutes(5));
        build.Sample(session, "s-9", "CHAIR-09", 2, Nine.AddMinutes(5).AddSeconds(1));
        await fixture.Store.CommitAsync(batch, CancellationToken.None);

        Assert.Equal(2L, await ScalarAsync(fixture, "SELECT count(*) FROM telemetry"));
        Assert.Equal(2L, await ScalarAsync(fixture, "SELECT count(*) FROM session_inputs WHERE seq = 1"));
        var stored = (await fixture.Store.LoadSessionAsync("s-9", CancellationToken.None))!;
        Assert.Equal(Json(session.ToRecord()), Json(ScalpCoolingSession.Replay(stored.Policy, stored.Log)));
    }

    [Theory]
    [BothEngines]
    public async Task SessionEndParticipant_WritesInTheSameTransaction_AndItsFailureRollsEverythingBack(StorageProvider engine)
    {
        var outbox = new OutboxParticipant();
        var later = new OutboxParticipant();
        await using var fixture = new StoreFixture(engine, ehrDelivery: false, outbox, later);
        await fixture.OpenAsync();
        var batch = new IngestBatch();
        var build = new Sessions(batch);
        var session = build.Start("s-3", "CHAIR-03", Nine);
        batch.AddEnded(session.ToRecord());
        later.Fail = true;

        await Assert.ThrowsAsync<InvalidOperationException>(() => fixture.Store.CommitAsync(batch, CancellationToken.None));
        Assert.Equal(0L, await ScalarAsync(fixture, "SELECT count(*) FROM sessions"));
        Assert.Equal(0L, await ScalarAsync(fixture, "SELECT count(*) FROM outbox"));

        later.Fail = false;
        await fixture.Store.CommitAsync(batch, CancellationToken.None);
        Assert.Equal(1L, await ScalarAsync(fixture, "SELECT count(*) FROM sessions"));
        Assert.Equal(2L, await ScalarAsync(fixture, "SELECT count(*) FROM outbox WHERE session_id = 's-3' AND content_type = 'text/plain' AND payload = 'ended s-3'"));
    }

    [Theory]
    [BothEngines]
    public async Task UnassignedSamples_AreFoundForALateStart_AndAdoptedIntoItsLogAtTheirNewPlace(StorageProvider engine)
    {
        await using var fixture = new StoreFixture(engine);
        await fixture.OpenAsync();
        var batch = new IngestBatch();
        var build = new Sessions(batch);
        build.Sample(null, null, "CHAIR-06", 1, Nine);
        build.Sample(null, null, "CHAIR-06", 2, Nine.AddSeconds(30));
        build.Sample(null, null, "CHAIR-07", 1, Nine.AddSeconds(30));
        await fixture.Store.CommitAsync(batch, CancellationToken.None);
        batch.Clear();

        var unassigned = await fixture.Store.LoadUnassignedAsync("CHAIR-06", Nine.AddSeconds(10), CancellationToken.None);
        var found = Assert.Single(unassigned);
        build.Start("s-6", "CHAIR-06", Nine.AddMinutes(1));
        batch.Add(new AdoptedMessage(found.IngestSeq, build.LastSeq + 1, "s-6"));
        await fixture.Store.CommitAsync(batch, CancellationToken.None);

        var stored = await fixture.Store.LoadSessionAsync("s-6", CancellationToken.None);
        Assert.Equal(2, stored!.Log.Count);
        Assert.Equal(2u, Assert.IsType<TelemetryReceived>(stored.Log[1]).Sample.Seq);
        Assert.Equal(2L, await fixture.ScalarAsync("SELECT count(*) FROM telemetry WHERE session_key IS NULL"));
    }

    [Theory]
    [BothEngines]
    public async Task Purge_DeletesOnlyExpiredSamplesThatNoSessionTook(StorageProvider engine)
    {
        await using var fixture = new StoreFixture(engine);
        await fixture.OpenAsync();
        var batch = new IngestBatch();
        var build = new Sessions(batch);
        var session = build.Start("s-4", "CHAIR-04", Nine);
        build.Sample(session, "s-4", "CHAIR-04", 1, Nine.AddSeconds(1));
        build.Sample(null, null, "CHAIR-05", 1, Nine.AddSeconds(1));
        build.Sample(null, null, "CHAIR-05", 2, Nine.AddDays(8));
        await fixture.Store.CommitAsync(batch, CancellationToken.None);

        Assert.Equal(1, await fixture.Store.PurgeUnassignedAsync(Nine.AddDays(1), CancellationToken.None));
        Assert.Equal(2L, await ScalarAsync(fixture, "SELECT count(*) FROM telemetry"));
    }

    [Fact]
    public async Task Database_IsInWalMode()
    {
        await using var fixture = new StoreFixture();
        await fixture.OpenAsync();
        await using var connection = new SqliteConnection($"Data Source={fixture.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
    }

    internal static Task<long> ScalarAsync(StoreFixture fixture, string sql) => fixture.ScalarAsync(sql);

    private static string Json(ScalpCoolingSessionRecord record) => JsonSerializer.Serialize(record);

    /// <summary>Stands in for the FHIR outbox: one opaque item per ended session, written by the store in the batch transaction.</summary>
    private sealed class OutboxParticipant : ISessionEndParticipant
    {
        public bool Fail { get; set; }

        public ValueTask<IReadOnlyList<OutboxItem>> OnSessionEndedAsync(ScalpCoolingSessionRecord record, ISessionEndReads reads, CancellationToken cancellationToken)
        {
            if (Fail)
            {
                throw new InvalidOperationException("The outbox could not be written.");
            }

            return ValueTask.FromResult<IReadOnlyList<OutboxItem>>([new OutboxItem
            {
                Id = Guid.NewGuid(),
                SessionId = record.Plan.SessionId,
                Kind = OutboxItemKind.Session,
                ContentType = "text/plain",
                Payload = "ended " + record.Plan.SessionId,
                EnqueuedAt = Nine,
                NextAttemptAt = Nine,
            }]);
        }
    }
}
