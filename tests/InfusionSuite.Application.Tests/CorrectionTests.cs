using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Application.Tests;

/// <summary>A record that changes after its end goes to the session-end participants as a change after the end (a correction); one that does not, does not.</summary>
public sealed class CorrectionTests
{
    [Fact(Timeout = 30_000)]
    public async Task ControllerCapOffAfterTheNursesCapRemoved_SendsACorrectionWithTheControllersTime()
    {
        await using var writer = await WriterHarness.StartAsync();
        var chair = new Chair("CHAIR-31", writer.Clock);
        var id = (await writer.Nurse.StartSessionAsync(chair.Start(), Timeouts.Token())).SessionId!;
        uint seq = 0;
        await writer.SendAsync(chair.Event(seq++, ControllerEventKind.CapOn));
        await writer.SendAsync(chair.Event(seq++, ControllerEventKind.CoolingStart));
        await StoredAsync(writer, 3);
        writer.Clock.Advance(TimeSpan.FromMinutes(30));
        await writer.Nurse.InfusionStartedAsync(id, "nurse-3", null, Timeouts.Token());
        writer.Clock.Advance(TimeSpan.FromMinutes(60));
        await writer.Nurse.InfusionEndedAsync(id, "nurse-3", null, Timeouts.Token());
        writer.Clock.Advance(TimeSpan.FromMinutes(90));
        await writer.SendAsync(chair.Event(seq++, ControllerEventKind.CoolingStop));
        await StoredAsync(writer, 6);
        writer.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.True((await writer.Nurse.CapRemovedAsync(id, "nurse-3", null, Timeouts.Token())).IsAccepted);
        var ended = Assert.Single(writer.Store.Ended);
        Assert.Equal(BoundarySource.Nurse, ended.Boundaries.RemovalSource);

        writer.Clock.Advance(TimeSpan.FromMinutes(1));
        await writer.SendAsync(chair.Sample(seq++));
        await writer.SendAsync(chair.Event(seq++, ControllerEventKind.CapOff));
        await Timeouts.UntilAsync(() => writer.Store.Corrections.Count == 1, "the correction");

        Assert.Single(writer.Store.Ended);
        var correction = writer.Store.Corrections[0];
        Assert.Equal(SessionStatus.Completed, correction.Status);
        Assert.Equal(BoundarySource.Controller, correction.Boundaries.RemovalSource);
        Assert.Equal(writer.Clock.GetUtcNow(), correction.Boundaries.CapRemovedAt);
    }

    [Fact(Timeout = 30_000)]
    public async Task AbortThenCapOff_SendsTheAbortThenTheCorrectedPerformedPeriod_AndSamplesAloneSendNothing()
    {
        await using var writer = await WriterHarness.StartAsync();
        var chair = new Chair("CHAIR-32", writer.Clock);
        var id = (await writer.Nurse.StartSessionAsync(chair.Start(), Timeouts.Token())).SessionId!;
        uint seq = 0;
        await writer.SendAsync(chair.Event(seq++, ControllerEventKind.CapOn));
        await writer.SendAsync(chair.Event(seq++, ControllerEventKind.CoolingStart));
        var placed = writer.Clock.GetUtcNow();
        await StoredAsync(writer, 3);
        writer.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.True((await writer.Nurse.AbortAsync(id, "nurse-3", AbortReason.Headache, null, null, Timeouts.Token())).IsAccepted);
        Assert.Single(writer.Store.Ended);

        writer.Clock.Advance(TimeSpan.FromMinutes(1));
        await writer.SendAsync(chair.Event(seq++, ControllerEventKind.CoolingStop));
        await writer.SendAsync(chair.Sample(seq++));
        await StoredAsync(writer, 6);
        writer.Clock.Advance(TimeSpan.FromMinutes(4));
        await writer.SendAsync(chair.Event(seq++, ControllerEventKind.CapOff));
        await Timeouts.UntilAsync(() => writer.Store.Corrections.Count == 1, "the correction");
        await writer.SendAsync(chair.Sample(seq++));
        await Timeouts.UntilAsync(() => writer.Store.Telemetry.Count == 2, "the last sample stored");

        Assert.Single(writer.Store.Ended);
        Assert.Single(writer.Store.Corrections);
        var correction = writer.Store.Corrections[0];
        Assert.Equal(SessionStatus.Aborted, correction.Status);
        Assert.Equal(new TimeInterval(placed, writer.Clock.GetUtcNow()), correction.PerformedPeriod);
    }

    /// <summary>Waits until this many inputs and samples are stored (the writer serves nurses before queued messages).</summary>
    private static Task StoredAsync(WriterHarness writer, int count) =>
        Timeouts.UntilAsync(() => writer.Store.Inputs.Count + writer.Store.Telemetry.Count >= count, count + " items stored");
}
