using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Domain.Sessions.Inputs;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionSuite.Storage.Tests;

/// <summary>
/// The patient's name is written with the start, in the batch's transaction (a crash after the commit
/// cannot lose it); each session keeps its own, and the name on file is the one of the patient's latest session not voided
/// as the wrong patient's.
/// </summary>
public sealed class PatientNameStorageTests
{
    private static readonly DateTimeOffset Nine = Sessions.Nine;

    [Fact]
    public async Task NameCommittedWithTheStart_EachSessionKeepsItsOwn_TheLatestIsOnFile()
    {
        await using var fixture = new StoreFixture();
        await fixture.OpenAsync();
        var names = fixture.Services.GetRequiredService<IPatientNames>();

        var batch = new IngestBatch();
        new Sessions(batch) { PatientName = "Third Patient" }.Start("s-1", "CHAIR-01", Nine, "MRN-900333");
        await fixture.Store.CommitAsync(batch, CancellationToken.None);
        batch.Clear();
        new Sessions(batch) { PatientName = "Someone Else" }.Start("s-2", "CHAIR-02", Nine.AddMinutes(5), "MRN-900333");
        new Sessions(batch).Start("s-3", "CHAIR-03", Nine.AddMinutes(6), "MRN-1");
        await fixture.Store.CommitAsync(batch, CancellationToken.None);

        var bySession = await names.FindForSessionsAsync(["s-1", "s-2", "s-3", "s-unknown"], CancellationToken.None);
        Assert.Equal("Third Patient", bySession["s-1"]);
        Assert.Equal("Someone Else", bySession["s-2"]);
        Assert.False(bySession.ContainsKey("s-3"), "a start without a name has none");
        Assert.Equal(2, bySession.Count);
        Assert.Equal("Someone Else", (await names.FindAsync(["MRN-900333"], CancellationToken.None))["MRN-900333"]);
    }

    /// <summary>
    /// Issue 13's trial: "Someone Else" confirmed on MRN-900333, that session voided as the wrong patient: the name on file
    /// is again the one of the patient's latest session not voided as the wrong patient's ("Third Patient"); a void for
    /// another reason keeps the name; when every named session was the wrong patient's, there is no name on file.
    /// </summary>
    [Theory]
    [BothEngines]
    public async Task SessionVoidedAsTheWrongPatient_ItsNameIsNoLongerOnFile_TheLatestOtherSessionsIs(StorageProvider provider)
    {
        await using var fixture = new StoreFixture(provider);
        await fixture.OpenAsync();
        var names = fixture.Services.GetRequiredService<IPatientNames>();
        var batch = new IngestBatch();
        var build = new Sessions(batch) { PatientName = "Third Patient" };
        var first = build.Start("s-1", "CHAIR-01", Nine, "MRN-900333");
        build.Nurse(first, new VoidSession(Nine.AddMinutes(1), "nurse-1", VoidReason.DuplicateSession));
        await fixture.Store.CommitAsync(batch, CancellationToken.None);
        batch.Clear();
        var wrong = new Sessions(batch) { PatientName = "Someone Else" };
        var second = wrong.Start("s-2", "CHAIR-02", Nine.AddMinutes(5), "MRN-900333");
        var lone = wrong.Start("s-3", "CHAIR-03", Nine.AddMinutes(6), "MRN-900444");
        await fixture.Store.CommitAsync(batch, CancellationToken.None);
        Assert.Equal("Someone Else", (await names.FindAsync(["MRN-900333"], CancellationToken.None))["MRN-900333"]);
        batch.Clear();

        var voids = new Sessions(batch);
        voids.Nurse(second, new VoidSession(Nine.AddMinutes(7), "nurse-1", VoidReason.WrongPatient));
        voids.Nurse(lone, new VoidSession(Nine.AddMinutes(7), "nurse-1", VoidReason.WrongPatient));
        await fixture.Store.CommitAsync(batch, CancellationToken.None);

        var onFile = await names.FindAsync(["MRN-900333", "MRN-900444"], CancellationToken.None);
        Assert.Equal("Third Patient", onFile["MRN-900333"]); // voided as a duplicate: still this patient's name
        Assert.False(onFile.ContainsKey("MRN-900444"), "only the wrong patient's name was ever entered: none on file");
        Assert.Equal("Someone Else", (await names.FindForSessionsAsync(["s-2"], CancellationToken.None))["s-2"]); // the session keeps what was entered
    }

    [Fact]
    public async Task FailedCommit_StoresNeitherTheSessionNorItsName()
    {
        await using var fixture = new StoreFixture(new FailingParticipant());
        await fixture.OpenAsync();
        var batch = new IngestBatch();
        var build = new Sessions(batch) { PatientName = "Lost Patient" };
        var session = build.Start("s-9", "CHAIR-09", Nine, "MRN-9");
        build.Nurse(session, new Domain.Sessions.Inputs.VoidSession(Nine.AddMinutes(1), "nurse-1", Domain.Sessions.VoidReason.EnteredInError));

        await Assert.ThrowsAsync<InvalidOperationException>(() => fixture.Store.CommitAsync(batch, CancellationToken.None));

        var names = fixture.Services.GetRequiredService<IPatientNames>();
        Assert.Empty(await names.FindAsync(["MRN-9"], CancellationToken.None));
        Assert.Empty(await names.FindForSessionsAsync(["s-9"], CancellationToken.None));
    }

    private sealed class FailingParticipant : ISessionEndParticipant
    {
        public ValueTask<IReadOnlyList<Application.Outbox.OutboxItem>> OnSessionEndedAsync(
            Domain.Sessions.ScalpCoolingSessionRecord record, ISessionEndReads reads, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("participant failed");
    }
}
