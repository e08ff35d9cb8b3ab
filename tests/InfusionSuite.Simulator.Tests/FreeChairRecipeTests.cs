using InfusionSuite.Domain.Sessions;
using InfusionSuite.Domain.Sessions.Inputs;
using InfusionSuite.Simulator.Engine;
using InfusionSuite.Simulator.Scenarios;
using InfusionSuite.Testing.Sessions;
using SessionPhase = InfusionSuite.Domain.Sessions.SessionPhase;

namespace InfusionSuite.Simulator.Tests;

/// <summary>
/// The README's recipe for a free chair of the demo ("Run the demo"), followed by its numbers against the controller that
/// follows the nurse: the session is started; the cap goes on and cooling starts about 4 minutes later; the infusion's start
/// is recorded when the card says *Ready for infusion*, about 34 minutes after the start (30 minutes of cooling); its end an
/// hour later; the controller runs the post-cooling, stops and the cap comes off. Done so, the record has no deviation. The
/// recipe's old timing (the infusion 30 minutes after the start) is 4 minutes short of the target: SHORT_PRECOOL.
/// </summary>
public sealed class FreeChairRecipeTests
{
    private static readonly DateTimeOffset PowerOn = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(34, false)]
    [InlineData(30, true)]
    public void FreeChair_InfusionStartedAsTheReadmeSays_NoShortPrecool(double infusionMinutesAfterStart, bool shortPrecool)
    {
        Assert.True(BuiltInScenarios.TryGet("normal", out var scenario));
        var chair = new SessionScenario(start: PowerOn);
        const string sessionId = "free-chair-session";
        DateTimeOffset? startedAt = null, infusionStartedAt = null, infusionEndedAt = null;
        var timeline = ControllerTimeline.Following(
            scenario, SimulatedChair.Numbered(6), 1, PowerOn, () => startedAt is null ? null : new NurseProgress(sessionId, infusionEndedAt, false));

        foreach (var item in timeline)
        {
            if (item.At > chair.Now)
            {
                chair.Advance(item.At - chair.Now);
            }

            // The person, by the recipe's minutes: starts 20 minutes after power-on (the controller pre-chills meanwhile).
            if (startedAt is null && chair.Now >= PowerOn + TimeSpan.FromMinutes(20))
            {
                Assert.True(chair.Start().IsAccepted);
                startedAt = chair.Now;
            }

            if (startedAt is { } started && infusionStartedAt is null && chair.Now >= started + TimeSpan.FromMinutes(infusionMinutesAfterStart))
            {
                Assert.True(chair.StartInfusion().IsAccepted);
                infusionStartedAt = chair.Now;
            }

            if (infusionStartedAt is { } infusing && infusionEndedAt is null && chair.Now >= infusing + TimeSpan.FromMinutes(60))
            {
                Assert.True(chair.EndInfusion().IsAccepted);
                infusionEndedAt = chair.Now;
            }

            if (startedAt is not null)
            {
                SessionInput? input = item switch
                {
                    TelemetryItem t => new TelemetryReceived(chair.Now, t.Sample),
                    EventItem e => new DeviceEventReceived(chair.Now, e.Event),
                    HelloItem h => new ControllerHelloReceived(chair.Now, h.Hello),
                    _ => null,
                };
                if (input is not null)
                {
                    chair.Apply(input);
                }
            }
        }

        var record = chair.Record;
        Assert.Equal(SessionStatus.Completed, record.Status);
        Assert.Equal(BoundarySource.Controller, record.Boundaries.PlacementSource);
        Assert.InRange(record.Boundaries.CapPlacedAt!.Value - startedAt!.Value, TimeSpan.FromMinutes(3.5), TimeSpan.FromMinutes(4.5)); // "about 4 minutes"
        Assert.Equal(shortPrecool, record.HasDeviation(DeviationCode.ShortPrecool));
        if (!shortPrecool)
        {
            Assert.Empty(record.Deviations);
            Assert.InRange(record.Phase(SessionPhase.PreCooling)!.Cooled!.Value, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(31));
        }
    }
}
