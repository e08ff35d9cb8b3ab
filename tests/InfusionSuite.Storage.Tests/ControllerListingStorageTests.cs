using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Domain.Sessions.Inputs;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionSuite.Storage.Tests;

/// <summary>
/// What the directory says of each stored controller's chair: when a session that was not voided last used it (its end, or the
/// start of one still open). The board keeps an unconfigured chair by it across a restart (issue 16) and lets a chair whose only
/// session was voided go (issue 13).
/// </summary>
public sealed class ControllerListingStorageTests
{
    private static readonly DateTimeOffset Nine = Sessions.Nine;

    [Theory]
    [BothEngines]
    public async Task LastSessionAt_IsTheLatestSessionNotVoided_AChairWithOnlyAVoidedSessionHasNone(StorageProvider provider)
    {
        await using var fixture = new StoreFixture(provider);
        await fixture.OpenAsync();
        var batch = new IngestBatch();
        var build = new Sessions(batch);
        var earlier = build.Start("s-1", "CHAIR-01", Nine, "MRN-1");
        build.Nurse(earlier, new AbortSession(Nine.AddMinutes(20), "nurse-1", AbortReason.Headache));
        var later = build.Start("s-2", "CHAIR-01", Nine.AddMinutes(40), "MRN-2");
        build.Nurse(later, new AbortSession(Nine.AddMinutes(50), "nurse-1", AbortReason.Headache));
        var phantom = build.Start("s-3", "CHAIR-O2", Nine.AddMinutes(5), "MRN-3");
        build.Nurse(phantom, new VoidSession(Nine.AddMinutes(6), "nurse-1", VoidReason.EnteredInError));
        build.Start("s-4", "CHAIR-03", Nine.AddMinutes(30), "MRN-4");
        await fixture.Store.CommitAsync(batch, CancellationToken.None);

        var listings = (await fixture.Services.GetRequiredService<ISessionDirectory>().ControllersAsync(CancellationToken.None))
            .ToDictionary(c => c.ControllerId);

        Assert.Equal(Nine.AddMinutes(50), listings["CHAIR-01"].LastSessionAt);
        Assert.Null(listings["CHAIR-O2"].LastSessionAt);
        Assert.Equal(Nine.AddMinutes(30), listings["CHAIR-03"].LastSessionAt);
    }

    [Theory]
    [BothEngines]
    public async Task LastHeardAt_FollowsWhatTheControllerSent_AtMostOnceAMinute_NotANursesAction(StorageProvider provider)
    {
        await using var fixture = new StoreFixture(provider);
        await fixture.OpenAsync();
        var seq = 0L;
        async Task CommitAsync(Action<IngestBatch> fill)
        {
            var batch = new IngestBatch();
            fill(batch);
            await fixture.Store.CommitAsync(batch, CancellationToken.None);
        }

        void Sample(IngestBatch batch, string controllerId, DateTimeOffset receivedAt) =>
            batch.Add(new StoredTelemetry(++seq, Sessions.Telemetry(controllerId, (uint)seq, receivedAt.AddSeconds(-90)), receivedAt, null)); // the device's clock 90 s behind

        async Task<DateTimeOffset?> LastHeardAsync(string controllerId) =>
            (await fixture.Services.GetRequiredService<ISessionDirectory>().ControllersAsync(CancellationToken.None))
            .Single(c => c.ControllerId == controllerId).LastHeardAt;

        await CommitAsync(batch => { Sample(batch, "CHAIR-01", Nine); Sample(batch, "CHAIR-01", Nine.AddSeconds(5)); });
        Assert.Equal(Nine.AddSeconds(5), await LastHeardAsync("CHAIR-01")); // the server's receive instant, not the device's ts

        await CommitAsync(batch => Sample(batch, "CHAIR-01", Nine.AddSeconds(50)));
        Assert.Equal(Nine.AddSeconds(5), await LastHeardAsync("CHAIR-01")); // within the minute: not written again

        await CommitAsync(batch => Sample(batch, "CHAIR-01", Nine.AddSeconds(70)));
        Assert.Equal(Nine.AddSeconds(70), await LastHeardAsync("CHAIR-01"));

        // An event counts; a nurse's action on the chair does not (the controller said nothing).
        await CommitAsync(batch =>
        {
            var sessions = new Sessions(batch);
            var session = sessions.Start("s-1", "CHAIR-02", Nine.AddMinutes(10));
            sessions.Nurse(session, new AbortSession(Nine.AddMinutes(30), "nurse-1", AbortReason.Headache));
        });
        Assert.Null(await LastHeardAsync("CHAIR-02"));
        await CommitAsync(batch => batch.Add(new StoredInput(
            ++seq, null, "CHAIR-02", new DeviceEventReceived(Nine.AddMinutes(31), new ControllerEvent("CHAIR-02", 0xbeef, 1, Nine.AddMinutes(31), ControllerEventKind.CapOff, null)))));
        Assert.Equal(Nine.AddMinutes(31), await LastHeardAsync("CHAIR-02"));
    }
}
