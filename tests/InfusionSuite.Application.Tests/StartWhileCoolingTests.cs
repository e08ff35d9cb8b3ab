using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Application.Tests;

/// <summary>
/// docs/clinical-rules.md, "Boundaries (exact)" and "Late starts": a start, live or late, whose effective
/// time falls while the controller is already cooling with the cap connected takes that cooling from its
/// COOLING_START and is placed there.
/// </summary>
public sealed class StartWhileCoolingTests
{
    [Theory(Timeout = 30_000)]
    [InlineData(9, 0)]
    [InlineData(90, 0)]
    [InlineData(20 * 60, 0)]
    [InlineData(9, 10 * 60)]
    [InlineData(20 * 60, 10 * 60)]
    public async Task StartEffectiveAfterTheControllersCoolingStart_IsPlacedThere(int secondsAfter, int enteredLaterSeconds)
    {
        await using var writer = await WriterHarness.StartAsync();
        var chair = new Chair("CHAIR-35", writer.Clock);
        uint seq = 0;
        await writer.SendAsync(chair.Event(seq++, ControllerEventKind.CapOn));
        writer.Clock.Advance(TimeSpan.FromSeconds(20));
        await writer.SendAsync(chair.Event(seq++, ControllerEventKind.CoolingStart));
        var placed = writer.Clock.GetUtcNow();
        var effective = placed + TimeSpan.FromSeconds(secondsAfter);
        var entered = effective + TimeSpan.FromSeconds(enteredLaterSeconds);
        while (writer.Clock.GetUtcNow() + TimeSpan.FromSeconds(30) <= entered)
        {
            writer.Clock.Advance(TimeSpan.FromSeconds(30));
            await writer.SendAsync(chair.Sample(seq++));
        }

        var sent = (int)seq;
        await Timeouts.UntilAsync(() => writer.Store.Telemetry.Count + writer.Store.Inputs.Count == sent, "the unassigned messages stored");
        writer.Clock.Advance(entered - writer.Clock.GetUtcNow());

        var started = await writer.Nurse.StartSessionAsync(
            chair.Start() with { EffectiveAt = enteredLaterSeconds == 0 ? null : effective }, Timeouts.Token());

        Assert.True(started.IsAccepted, started.Message);
        var record = started.Record!;
        Assert.Equal(SessionStatus.PreCooling, record.Status);
        Assert.Equal(placed, record.Boundaries.CapPlacedAt);
        Assert.Equal(BoundarySource.Controller, record.Boundaries.PlacementSource);
        var stored = (await writer.Store.LoadSessionAsync(started.SessionId!, Timeouts.Token()))!;
        Assert.Equal(Json(record), Json(ScalpCoolingSession.Replay(stored.Policy, stored.Log) with { PossibleNurseActions = record.PossibleNurseActions }));
    }

    [Fact(Timeout = 30_000)]
    public async Task StartAfterTheControllerStoppedCooling_LeavesThatCoolingUnassigned()
    {
        await using var writer = await WriterHarness.StartAsync();
        var chair = new Chair("CHAIR-36", writer.Clock);
        await writer.SendAsync(chair.Event(0, ControllerEventKind.CapOn));
        writer.Clock.Advance(TimeSpan.FromSeconds(20));
        await writer.SendAsync(chair.Event(1, ControllerEventKind.CoolingStart));
        writer.Clock.Advance(TimeSpan.FromMinutes(5));
        await writer.SendAsync(chair.Event(2, ControllerEventKind.CoolingStop));
        await Timeouts.UntilAsync(() => writer.Store.Inputs.Count == 3, "the unassigned events stored");
        writer.Clock.Advance(TimeSpan.FromMinutes(1));

        var started = await writer.Nurse.StartSessionAsync(chair.Start(), Timeouts.Token());

        Assert.Null(started.Record!.Boundaries.CapPlacedAt);
        Assert.All(writer.Store.Inputs.Where(i => i.Input is Domain.Sessions.Inputs.DeviceEventReceived), i => Assert.Null(i.SessionId));
    }

    private static string Json(ScalpCoolingSessionRecord record) => System.Text.Json.JsonSerializer.Serialize(record);
}
