using InfusionSuite.Domain.Controllers;
using InfusionSuite.Simulator.Engine;
using InfusionSuite.Simulator.Outputs;
using InfusionSuite.Simulator.Running;
using InfusionSuite.Simulator.Scenarios;
using InfusionSuite.Testing;
using Microsoft.Extensions.Time.Testing;

namespace InfusionSuite.Devices.IntegrationTests;

/// <summary>
/// One controller played by the simulator library (<see cref="SimulatedController"/>) on a fake
/// clock through a real output (serial port, MQTT client): the test moves the clock and waits until
/// every item due by then went out. What was sent is known exactly, so a test can hold the link to it.
/// </summary>
internal sealed class SimulatedChairRun : IAsyncDisposable, ISimulationObserver
{
    public static readonly DateTimeOffset PowerOn = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan s_sendLimit = TimeSpan.FromSeconds(20);

    private readonly FakeTimeProvider _clock = new(PowerOn);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TimelineItem> _sent = [];
    private readonly IControllerOutput _output;
    private readonly Task _run;

    private SimulatedChairRun(Scenario scenario, SimulatedChair chair, IControllerOutput output, int seed)
    {
        Chair = chair;
        Timeline = [.. ControllerTimeline.Generate(scenario, chair, seed, PowerOn)];
        _output = output;
        _run = new SimulatedController(scenario, chair, seed, output, _clock, PowerOn, bootSalt: 0).RunAsync(this, _stop.Token);
    }

    public SimulatedChair Chair { get; }

    /// <summary>Everything the chair emits over the whole scenario, in order.</summary>
    public IReadOnlyList<TimelineItem> Timeline { get; }

    public DateTimeOffset Now => _clock.GetUtcNow();

    /// <summary>What went to the output so far, in order.</summary>
    public IReadOnlyList<TimelineItem> Sent
    {
        get
        {
            lock (_sent)
            {
                return [.. _sent];
            }
        }
    }

    public IReadOnlyList<TelemetrySample> SentTelemetry => [.. Sent.OfType<TelemetryItem>().Select(t => t.Sample)];

    public IReadOnlyList<ControllerEvent> SentEvents => [.. Sent.OfType<EventItem>().Select(e => e.Event)];

    public IReadOnlyList<ControllerHello> SentHellos => [.. Sent.OfType<HelloItem>().Select(h => h.Hello)];

    /// <summary>Starts the chair at <see cref="PowerOn"/>; nothing is sent before the first <see cref="AdvanceAsync"/>.</summary>
    public static SimulatedChairRun Start(Scenario scenario, SimulatedChair chair, IControllerOutput output, int seed = 1) =>
        new(scenario, chair, output, seed);

    public static Scenario BuiltIn(string name) =>
        BuiltInScenarios.TryGet(name, out var scenario) ? scenario : throw new ArgumentException($"no built-in scenario {name}", nameof(name));

    /// <summary>Moves the simulated clock by <paramref name="by"/> and waits until the chair sent every item due by then.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        _clock.Advance(by);
        var due = Timeline.Count(item => item.At <= Now);
        await Eventually.HoldsAsync(() => Sent.Count >= due || _run.IsCompleted, s_sendLimit, $"{Chair.ControllerId} to send {due} items");
        if (_run.IsFaulted)
        {
            await _run; // the simulator failed: let the test see why
        }
    }

    /// <summary>Moves the clock to the first item that matches (and sends it).</summary>
    public Task AdvanceToAsync(Func<TimelineItem, bool> match) => AdvanceAsync(Timeline.First(match).At - Now);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _run.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (OperationCanceledException)
        {
            // stopped mid-scenario, as intended
        }

        await _output.DisposeAsync();
        _stop.Dispose();
    }

    ValueTask ISimulationObserver.OnItemAsync(SimulatedChair chair, TimelineItem item, CancellationToken cancellationToken)
    {
        lock (_sent)
        {
            _sent.Add(item);
        }

        return ValueTask.CompletedTask;
    }
}
