using System.Text.Json;
using InfusionSuite.Application.Courses;
using InfusionSuite.Application.Outbox;
using InfusionSuite.Application.Ports;
using InfusionSuite.Application.Staff;
using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Courses;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Storage.PostgreSql;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionSuite.Storage.Tests;

/// <summary>
/// Moving a suite: a SQLite database with something in every table, copied into an empty PostgreSQL
/// database, reads back the same there (the session replays to the identical record, the outbox and its
/// attempts, the accounts, the course entries), and the PostgreSQL store goes on writing after the copy.
/// </summary>
public sealed class SqliteToPostgreSqlTests
{
    private static readonly DateTimeOffset Nine = Sessions.Nine;

    [Fact(Timeout = 120_000)]
    public async Task EveryTableIsCopied_TheRecordReadsTheSame_AndThePostgreSqlStoreGoesOnWriting()
    {
        await using var sqlite = new StoreFixture(StorageProvider.Sqlite);
        await sqlite.OpenAsync();
        var batch = new IngestBatch();
        var build = new Sessions(batch) { PatientName = "Pat Move" }; // the name goes with the start (sessions and patients rows)
        var session = build.Start("s-move", "CHAIR-01", Nine, patient: "Patient/p-move", course: "course-move");
        build.Event(session, "s-move", ControllerEventKind.CapOn, 1, Nine.AddSeconds(1));
        for (uint seq = 2; seq < 40; seq++)
        {
            build.Sample(session, "s-move", "CHAIR-01", seq, Nine.AddSeconds(seq));
        }

        build.Sample(null, null, "CHAIR-99", 1, Nine);
        batch.Add(new NurseAuditEntry(1, "s-move", NurseActionKind.StartSession, "nurse-1", Nine, Nine, null, SessionStatus.Started, "started"));
        batch.Add(new ControllerSighting(new ControllerHello("CHAIR-01", 0xbeef, "model-x", "1.2.3", 1), Nine));
        await sqlite.Store.CommitAsync(batch, CancellationToken.None);
        var before = Json(await sqlite.Store.LoadSessionAsync("s-move", CancellationToken.None));

        var item = new OutboxItem { Id = Guid.NewGuid(), SessionId = "s-move", Kind = OutboxItemKind.Session, ContentType = "text/plain", Payload = "p", EnqueuedAt = Nine, NextAttemptAt = Nine };
        await sqlite.Services.GetRequiredService<IOutbox>().EnqueueAsync(item, CancellationToken.None);
        await sqlite.Services.GetRequiredService<IOutbox>().RecordAttemptAsync(item.Id, new OutboxAttempt(1, Nine, Nine, OutboxAttemptOutcome.TransientFailure, 503, "Down."), CancellationToken.None);
        var accounts = sqlite.Services.GetRequiredService<IStaffAccounts>();
        await accounts.AddAsync(new StaffAccount("u-1", "alice", "Alice N", StaffRole.Nurse, "hash", 0, null, false, null), new StaffAuditEntry(Nine, "admin", "add", "alice", "nurse"), CancellationToken.None);
        await accounts.AddTokenAsync("u-1", "token-hash", Nine, new StaffAuditEntry(Nine, "admin", "token", "alice", "api token"), CancellationToken.None);
        await sqlite.Services.GetRequiredService<ISignInSessions>().AddAsync("sign-in-key", "u-1", new byte[] { 7, 8 }, Nine, null, CancellationToken.None);
        await accounts.RecordClientFailureAsync("u-1", "10.0.0.66", 1, Nine.AddMinutes(15), new StaffAuditEntry(Nine, "u-1", "locked-out", "alice", "1 failed sign-in"), CancellationToken.None);
        var courses = sqlite.Services.GetRequiredService<ICourseRecords>();
        await courses.AddNotCooledAsync("course-move", new ChemoGivenNotCooled("nc-1", Nine.AddDays(7), NotCooledReason.PatientDeclined, null, "nurse-1", Nine.AddDays(7)), [], CancellationToken.None);
        await courses.AddAssessmentAsync("course-move", new OutcomeAssessment("oa-1", Nine.AddDays(21), "nurse-1", 1, 1, false, null, Nine.AddDays(21)), [], CancellationToken.None);
        await courses.AddAssessmentChangeAsync(
            "course-move", new AssessmentChange("fix-1", "oa-1", AssessmentChangeKind.Corrected, null, 2, 1, false, null, "wrong photo", "nurse-1", Nine.AddDays(22)), [], CancellationToken.None);

        await using var postgreSql = new StoreFixture(StorageProvider.PostgreSql);
        var copied = await SqliteToPostgreSql.CopyAsync(sqlite.DatabasePath, postgreSql.ConnectionString!, CancellationToken.None);

        Assert.All(copied, table => Assert.True(table.Rows > 0, $"{table.Table} was empty in the test's database: put a row in it"));
        foreach (var (table, rows) in copied)
        {
            Assert.Equal(await sqlite.ScalarAsync($"SELECT count(*) FROM {table}"), rows);
        }

        await postgreSql.OpenAsync();
        Assert.Equal(before, Json(await postgreSql.Store.LoadSessionAsync("s-move", CancellationToken.None)));
        var moved = Assert.Single(await postgreSql.Services.GetRequiredService<IOutbox>().ListAsync(new OutboxQuery(), CancellationToken.None));
        Assert.Equal((item.Id, "p", 503), (moved.Id, moved.Payload, Assert.Single(moved.Attempts).HttpStatus));
        Assert.Equal("Pat Move", (await postgreSql.Services.GetRequiredService<IPatientNames>().FindForSessionsAsync(["s-move"], CancellationToken.None))["s-move"]);
        Assert.Equal("alice", (await postgreSql.Services.GetRequiredService<IStaffAccounts>().FindByTokenHashAsync("token-hash", CancellationToken.None))?.UserName);
        Assert.Equal(Nine.AddMinutes(15), await postgreSql.Services.GetRequiredService<IStaffAccounts>().ClientLockedUntilAsync("u-1", "10.0.0.66", Nine, CancellationToken.None));
        Assert.Equal([7, 8], await postgreSql.Services.GetRequiredService<ISignInSessions>().FindAsync("sign-in-key", Nine, CancellationToken.None));
        var file = await postgreSql.Services.GetRequiredService<ICourseRecords>().LoadAsync("course-move", CancellationToken.None);
        Assert.Equal((1, 1, 1), (file!.Sessions.Count, file.NotCooled.Count, file.Assessments.Count));
        Assert.Equal(2, Assert.Single(file.CurrentAssessments).Dean);

        // Keys go on after the copied ones: a new controller, course, session and account are stored.
        batch.Clear();
        var later = new Sessions(batch);
        var next = later.Start("s-after", "CHAIR-02", Nine.AddDays(1));
        await postgreSql.Store.CommitAsync(batch, CancellationToken.None);
        Assert.NotNull(await postgreSql.Store.LoadSessionAsync("s-after", CancellationToken.None));
        Assert.True(await postgreSql.Services.GetRequiredService<IStaffAccounts>().AddAsync(
            new StaffAccount("u-2", "bob", "Bob N", StaffRole.Nurse, "hash", 0, null, false, null), new StaffAuditEntry(Nine, "admin", "add", "bob", "nurse"), CancellationToken.None));
        Assert.NotNull(next);
    }

    [Fact(Timeout = 120_000)]
    public async Task APostgreSqlDatabaseWithRows_IsRefused_AndKeepsItsRows()
    {
        await using var sqlite = new StoreFixture(StorageProvider.Sqlite);
        await sqlite.OpenAsync();
        await using var postgreSql = new StoreFixture(StorageProvider.PostgreSql);
        await postgreSql.OpenAsync();
        var batch = new IngestBatch();
        new Sessions(batch).Start("s-there", "CHAIR-03", Nine);
        await postgreSql.Store.CommitAsync(batch, CancellationToken.None);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => SqliteToPostgreSql.CopyAsync(sqlite.DatabasePath, postgreSql.ConnectionString!, CancellationToken.None));

        Assert.Contains("not empty", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1L, await postgreSql.ScalarAsync("SELECT count(*) FROM sessions"));
    }

    private static string Json(StoredSession? stored) =>
        JsonSerializer.Serialize(ScalpCoolingSession.Replay(stored!.Policy, stored.Log));
}
