using InfusionSuite.Domain.Controllers;
using InfusionSuite.Simulator.Engine;
using InfusionSuite.Simulator.Outputs;
using InfusionSuite.Simulator.Running;
using InfusionSuite.Simulator.Scenarios;
using Microsoft.Extensions.Time.Testing;

namespace InfusionSuite.Simulator.Tests;

public sealed class SimulatedControllerTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(10);

    [Fact(Timeout = 15_000)]
    public async Task OnAFakeClock_SendsOnlyWhatIsDue_AndRaisesNurseMarkersToTheObserver()
    {
        Assert.True(BuiltInScenarios.TryGet("normal", out var scenario));
        var clock = new FakeTimeProvider(Timelines.Start);
        var output = new InMemoryControllerOutput();
        var observer = new RecordingObserver();
        var run = new SimulatedController(scenario, SimulatedChair.Numbered(0), 1, output, clock).RunAsync(observer, CancellationToken.None);

        // 19 simulated minutes: 0.5 min standby, 15 min prechill, fitting under way (session started, cap not placed yet).
        await AdvanceAsync(clock, output, TimeSpan.FromMinutes(19));
        Assert.IsType<ReceivedHello>(output.Received[0]);
        Assert.All(output.Telemetry, s => Assert.True(s.Timestamp <= clock.GetUtcNow()));
        Assert.InRange(output.Telemetry.Count, 1135, 1141);
        Assert.Equal([NurseMarkerKind.SessionStart], observer.Markers.Select(m => m.Kind));
        Assert.DoesNotContain(output.Events, e => e.Kind == ControllerEventKind.CoolingStart);
        Assert.False(run.IsCompleted);

        clock.Advance(TimeSpan.FromHours(4));
        await run.WaitAsync(s_timeout);
        Assert.Equal(
            [NurseMarkerKind.SessionStart, NurseMarkerKind.InfusionStarted, NurseMarkerKind.InfusionEnded, NurseMarkerKind.CapRemoved],
            observer.Markers.Select(m => m.Kind));
        Assert.Equal(OfflineReason.Shutdown, output.Received[^1]);
    }

    [Fact(Timeout = 15_000)]
    public async Task Simulation_RunsEveryChairThroughItsOwnOutput_AndDisposesThem()
    {
        var scenario = new Scenario { Name = "tiny", Session = Tiny() };
        var clock = new FakeTimeProvider(Timelines.Start);
        var outputs = new Dictionary<string, InMemoryControllerOutput>();
        var options = new SimulationOptions { Controllers = 3, Seed = 4, StaggerMinutes = 1 };
        var run = Simulation.RunAsync(scenario, options, chair => outputs[chair.ControllerId] = new InMemoryControllerOutput(), clock, null, CancellationToken.None);

        for (var i = 0; i < 20 && !run.IsCompleted; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(20);
        }

        await run.WaitAsync(s_timeout);
        Assert.Equal(["CHAIR-01", "CHAIR-02", "CHAIR-03"], outputs.Keys.Order());
        Assert.All(outputs.Values, o => Assert.True(o.Disposed));
        Assert.All(outputs, o => Assert.All(o.Value.Telemetry, s => Assert.Equal(o.Key, s.ControllerId)));
        Assert.True(outputs["CHAIR-03"].Telemetry[0].Timestamp - outputs["CHAIR-01"].Telemetry[0].Timestamp >= TimeSpan.FromMinutes(1.9));
    }

    [Fact(Timeout = 15_000)]
    public async Task ScaledClock_RunsSimulatedMinutesInRealMilliseconds()
    {
        var clock = new ScaledTimeProvider(600, Timelines.Start);
        var before = clock.GetUtcNow();

        // A simulated minute ends well inside the real timeout (at ×600 it is 100 real ms): the wait itself is the check
        // that the clock is scaled. How far past the minute it ends depends on the machine's load, so it is not asserted.
        await Task.Delay(TimeSpan.FromMinutes(1), clock).WaitAsync(s_timeout);

        // Real timers run on a coarse tick (a few ms on Linux) and may fire that much early; at ×600 that is a few simulated seconds.
        var elapsed = clock.GetUtcNow() - before;
        Assert.True(elapsed >= TimeSpan.FromSeconds(54), $"the delay ended after {elapsed} simulated");
        Assert.InRange(before, Timelines.Start, Timelines.Start + TimeSpan.FromMinutes(1));
    }

    internal static SessionPlan Tiny() => new()
    {
        StandbyMinutes = 0.1, PrechillMinutes = 0.5, FittingMinutes = 0.5, FirstOfCourse = true, PrecoolTargetMinutes = 1,
        InfusionMinutes = 1, PostcoolTargetMinutes = 1, WarmupMinutes = 0.5, TailMinutes = 0.1,
    };

    private static async Task AdvanceAsync(FakeTimeProvider clock, InMemoryControllerOutput output, TimeSpan by)
    {
        // One simulated second at a time, letting the controller catch up after each step.
        for (var t = TimeSpan.Zero; t < by; t += TimeSpan.FromSeconds(1))
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            var deadline = DateTime.UtcNow + s_timeout;
            while (output.Telemetry.Count > 0 && output.Telemetry[^1].Timestamp < clock.GetUtcNow() - TimeSpan.FromSeconds(1) && DateTime.UtcNow < deadline)
            {
                await Task.Yield();
            }
        }
    }

    private sealed class RecordingObserver : ISimulationObserver
    {
        public List<NurseMarker> Markers { get; } = [];

        public ValueTask OnItemAsync(SimulatedChair chair, TimelineItem item, CancellationToken cancellationToken)
        {
            if (item is NurseMarkerItem marker)
            {
                lock (Markers)
                {
                    Markers.Add(marker.Marker);
                }
            }

            return ValueTask.CompletedTask;
        }
    }
}
