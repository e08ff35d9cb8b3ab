using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Application.Tests;

/// <summary>
/// Issue 13: redelivered duplicates are counted (with or without a session) and stored once; a controller
/// that reuses its boot id is not taken for duplicates, and what the session counts is what is stored.
/// </summary>
public sealed class SequenceIngestTests
{
    [Fact(Timeout = 30_000)]
    public async Task RedeliveredSampleAndEventWithoutASession_AreCountedAsDuplicates_AndStoredOnce()
    {
        await using var writer = await WriterHarness.StartAsync();
        var chair = new Chair("CHAIR-37", writer.Clock);
        await writer.SendAsync(chair.Sample(4));
        await writer.SendAsync(chair.Event(5, ControllerEventKind.CapOn));
        await writer.SendAsync(chair.Sample(4));
        await writer.SendAsync(chair.Event(5, ControllerEventKind.CapOn));

        await Timeouts.UntilAsync(() => writer.Controllers.Duplicates == 2, "both redeliveries counted");
        // Counted when judged, stored when the batch commits: wait for the commit too.
        await Timeouts.UntilAsync(() => writer.Store.Telemetry.Count >= 1 && writer.Store.Inputs.Count >= 1, "the sample and the event stored");
        Assert.Single(writer.Store.Telemetry);
        Assert.Single(writer.Store.Inputs);
    }

    [Fact(Timeout = 30_000)]
    public async Task ControllerRestartedWithTheSameBootId_ItsSecondRunIsTakenByTheSession_NotCountedAsDuplicates()
    {
        await using var writer = await WriterHarness.StartAsync();
        var chair = new Chair("CHAIR-38", writer.Clock);
        var started = await writer.Nurse.StartSessionAsync(chair.Start(), Timeouts.Token());
        for (uint seq = 0; seq < 5; seq++)
        {
            writer.Clock.Advance(TimeSpan.FromSeconds(1));
            await writer.SendAsync(chair.Sample(seq));
        }

        writer.Clock.Advance(TimeSpan.FromMinutes(1));
        for (uint seq = 0; seq < 5; seq++)
        {
            writer.Clock.Advance(TimeSpan.FromSeconds(1));
            await writer.SendAsync(chair.Sample(seq));
        }

        await Timeouts.UntilAsync(() => writer.Store.Telemetry.Count == 10, "both runs stored");
        Assert.Equal(0, writer.Controllers.Duplicates);
        Assert.All(writer.Store.Telemetry, t => Assert.Equal(started.SessionId, t.SessionId));
        var detail = await writer.Board.SessionAsync(started.SessionId!, Timeouts.Token());
        Assert.Equal(10, detail!.Record.Temperatures.Coolant.Samples);
    }
}
