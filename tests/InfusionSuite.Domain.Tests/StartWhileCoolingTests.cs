using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Domain.Sessions.Inputs;

namespace InfusionSuite.Domain.Tests;

/// <summary>
/// docs/clinical-rules.md, "Boundaries (exact)": a start whose effective time falls while the controller
/// is already cooling with the cap connected (a nurse cannot know the exact second) is placed at the
/// controller's COOLING_START, exactly as a start before it; the minutes already cooled count.
/// </summary>
public sealed class StartWhileCoolingTests
{
    public static TheoryData<int, int, int> Offsets()
    {
        var data = new TheoryData<int, int, int>();
        foreach (var secondsAfter in new[] { 0, 1, 9, 90, 20 * 60 })
        {
            foreach (var skewSeconds in new[] { 0, 240, -240 })
            {
                foreach (var enteredLaterSeconds in new[] { 0, 600 })
                {
                    data.Add(secondsAfter, skewSeconds, enteredLaterSeconds);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Offsets))]
    public void StartEffectiveAfterTheControllersCoolingStart_IsPlacedAtThatCoolingStart(int secondsAfter, int skewSeconds, int enteredLaterSeconds)
    {
        var chair = new SessionScenario { DeviceClockOffset = TimeSpan.FromSeconds(skewSeconds) };
        var (coolingStart, before) = CoolingBeforeTheStart(chair, TimeSpan.FromSeconds(secondsAfter));
        var effective = coolingStart + TimeSpan.FromSeconds(secondsAfter);
        Advance(chair, before, effective + TimeSpan.FromSeconds(enteredLaterSeconds));

        Assert.True(chair.Apply(new StartSession(chair.Now, SessionScenario.NurseId, SessionScenario.Plan(), chair.Now == effective ? null : effective)).IsAccepted);
        foreach (var input in before)
        {
            chair.Apply(input); // what the controller said before the start, as the start path hands it over
        }

        chair.RunMinutes(2);

        var record = chair.Record;
        Assert.Equal(SessionStatus.PreCooling, record.Status);
        Assert.Equal(coolingStart, record.Boundaries.CapPlacedAt);
        Assert.Equal(BoundarySource.Controller, record.Boundaries.PlacementSource);
        Assert.Equal(chair.Now - coolingStart, SessionLiveView.At(record, chair.Now).PhaseElapsed);
        Assert.Equal(Json(record), Json(ScalpCoolingSession.Replay(chair.Policy, chair.Log)));
    }

    [Fact]
    public void StartAfterTheControllerStoppedCooling_IsNotPlacedByThatCooling()
    {
        var chair = new SessionScenario();
        var (_, before) = CoolingBeforeTheStart(chair, TimeSpan.FromMinutes(5));
        chair.Advance(TimeSpan.FromSeconds(10));
        before.Add(new DeviceEventReceived(chair.Now, chair.NewEvent(ControllerEventKind.CoolingStop)));
        chair.Advance(TimeSpan.FromSeconds(10));
        before.Add(new TelemetryReceived(chair.Now, chair.NewSample(ControllerState.Standby)));
        chair.Advance(TimeSpan.FromSeconds(30));

        chair.Start();
        foreach (var input in before)
        {
            chair.Apply(input);
        }

        Assert.Null(chair.Record.Boundaries.CapPlacedAt);
        Assert.NotEqual(SessionStatus.PreCooling, chair.Record.Status);
    }

    [Fact]
    public void StartWhileCoolingWithoutACap_IsNotPlaced()
    {
        var chair = new SessionScenario();
        var before = new List<SessionInput>();
        for (var i = 0; i < 4; i++)
        {
            before.Add(new TelemetryReceived(chair.Now, chair.NewSample(ControllerState.Prechill, capConnected: false)));
            chair.Advance(TimeSpan.FromSeconds(30));
        }

        before.Add(new DeviceEventReceived(chair.Now, chair.NewEvent(ControllerEventKind.CoolingStart)));
        chair.Advance(TimeSpan.FromSeconds(9));
        before.Add(new TelemetryReceived(chair.Now, chair.NewSample(ControllerState.Cooling, capConnected: false)));
        chair.Advance(TimeSpan.FromSeconds(1));

        chair.Start();
        foreach (var input in before)
        {
            chair.Apply(input);
        }

        Assert.Null(chair.Record.Boundaries.CapPlacedAt);
    }

    /// <summary>
    /// The controller pre-chills for two minutes, the cap goes on, cooling starts (returned, server time),
    /// then it keeps cooling with samples every 30 s for <paramref name="cooledFor"/>: the inputs, in arrival order.
    /// </summary>
    private static (DateTimeOffset CoolingStart, List<SessionInput> Inputs) CoolingBeforeTheStart(SessionScenario chair, TimeSpan cooledFor)
    {
        var inputs = new List<SessionInput>();
        for (var i = 0; i < 4; i++)
        {
            inputs.Add(new TelemetryReceived(chair.Now, chair.NewSample(ControllerState.Prechill, coolant: -3.0m, capConnected: false)));
            chair.Advance(TimeSpan.FromSeconds(30));
        }

        inputs.Add(new DeviceEventReceived(chair.Now, chair.NewEvent(ControllerEventKind.CapOn)));
        chair.Advance(TimeSpan.FromSeconds(20));
        inputs.Add(new TelemetryReceived(chair.Now, chair.NewSample(ControllerState.Prechill, coolant: -4.0m)));
        chair.Advance(TimeSpan.FromSeconds(10));
        var coolingStart = chair.Now;
        inputs.Add(new DeviceEventReceived(chair.Now, chair.NewEvent(ControllerEventKind.CoolingStart)));
        var until = coolingStart + cooledFor;
        while (chair.Now + TimeSpan.FromSeconds(30) < until)
        {
            chair.Advance(TimeSpan.FromSeconds(30));
            inputs.Add(new TelemetryReceived(chair.Now, chair.NewSample()));
        }

        return (coolingStart, inputs);
    }

    /// <summary>Lets the controller cool on, a sample every 30 s, up to <paramref name="until"/>.</summary>
    private static void Advance(SessionScenario chair, List<SessionInput> inputs, DateTimeOffset until)
    {
        while (chair.Now + TimeSpan.FromSeconds(30) < until)
        {
            chair.Advance(TimeSpan.FromSeconds(30));
            inputs.Add(new TelemetryReceived(chair.Now, chair.NewSample()));
        }

        chair.Advance(until - chair.Now);
    }

    private static string Json(ScalpCoolingSessionRecord record) => System.Text.Json.JsonSerializer.Serialize(record);
}
