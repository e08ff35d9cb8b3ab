using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Application.Tests;

/// <summary>docs/clinical-rules.md, "Late documentation and ends": a start documented after the cap went on takes what the controller said since.</summary>
public sealed class LateStartTests
{
    [Fact(Timeout = 30_000)]
    public async Task StartEnteredAfterTheCapWentOn_TakesTheControllersEventsAndSamplesFromItsEffectiveTime()
    {
        await using var writer = await WriterHarness.StartAsync();
        var chair = new Chair("CHAIR-33", writer.Clock);
        var onAt = writer.Clock.GetUtcNow();
        uint seq = 0;
        await writer.SendAsync(chair.Event(seq++, ControllerEventKind.CapOn));
        writer.Clock.Advance(TimeSpan.FromSeconds(20));
        await writer.SendAsync(chair.Event(seq++, ControllerEventKind.CoolingStart));
        var placed = writer.Clock.GetUtcNow();
        for (var i = 0; i < 3; i++)
        {
            writer.Clock.Advance(TimeSpan.FromMinutes(1));
            await writer.SendAsync(chair.Sample(seq++));
        }

        await Timeouts.UntilAsync(() => writer.Store.Telemetry.Count == 3 && writer.Store.Inputs.Count == 2, "the unassigned messages stored");
        writer.Clock.Advance(TimeSpan.FromMinutes(7));

        var started = await writer.Nurse.StartSessionAsync(chair.Start() with { EffectiveAt = onAt - TimeSpan.FromSeconds(30) }, Timeouts.Token());

        Assert.True(started.IsAccepted, started.Message);
        var record = started.Record!;
        Assert.Equal(SessionStatus.PreCooling, record.Status);
        Assert.Equal(placed, record.Boundaries.CapPlacedAt);
        Assert.Equal(BoundarySource.Controller, record.Boundaries.PlacementSource);
        Assert.Equal(3, record.Temperatures.Coolant.Samples);
        var stored = (await writer.Store.LoadSessionAsync(started.SessionId!, Timeouts.Token()))!;
        Assert.Equal(6, stored.Log.Count);
        Assert.Equal(Json(record), Json(ScalpCoolingSession.Replay(stored.Policy, stored.Log) with { PossibleNurseActions = record.PossibleNurseActions }));
    }

    [Fact(Timeout = 30_000)]
    public async Task StartEnteredNow_LeavesEarlierMessagesUnassigned()
    {
        await using var writer = await WriterHarness.StartAsync();
        var chair = new Chair("CHAIR-34", writer.Clock);
        await writer.SendAsync(chair.Event(0, ControllerEventKind.CoolingStart));
        await Timeouts.UntilAsync(() => writer.Store.Inputs.Count == 1, "the unassigned event stored");
        writer.Clock.Advance(TimeSpan.FromMinutes(1));

        var started = await writer.Nurse.StartSessionAsync(chair.Start(), Timeouts.Token());

        Assert.Equal(SessionStatus.Started, started.Record!.Status);
        Assert.Null(Assert.Single(writer.Store.Inputs, i => i.Input is Domain.Sessions.Inputs.DeviceEventReceived).SessionId);
    }

    private static string Json(ScalpCoolingSessionRecord record) => System.Text.Json.JsonSerializer.Serialize(record);
}
