using InfusionSuite.Application.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionSuite.Storage.Tests;

/// <summary>
/// The patient's name is written with the start, in the batch's transaction (a crash after the commit
/// cannot lose it); each session keeps its own, and the latest one entered is the name on file.
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
