using System.Security.Cryptography;
using InfusionSuite.Simulator.Engine;
using InfusionSuite.Simulator.Outputs;
using InfusionSuite.Simulator.Scenarios;

namespace InfusionSuite.Simulator.Running;

/// <summary>
/// Plays one chair's timeline through an output on a <see cref="TimeProvider"/>: each item is sent
/// when the provider's clock reaches it (at once when the clock is already past it). The timeline
/// starts at <paramref name="start"/>, or at the provider's current instant when absent. Each run
/// draws its own boot ids, as a real controller does at power-on: the seed keeps the scenario, not
/// the boot, so a second run with the same seed is not taken for the first one's duplicates.
/// <paramref name="bootSalt"/> pins the boots instead (a test that compares two runs byte for byte).
/// <paramref name="clockError"/> makes the controller's clock slow, fast or stepping: the ts it writes, not when it sends.
/// <paramref name="cutOff"/> cuts its link for a while: it stores its samples and events and uploads them when it is back.
/// <paramref name="nurse"/> makes it follow a person's documentation instead of its plan's clock (<see cref="ControllerTimeline.Following"/>).
/// </summary>
public sealed class SimulatedController(
    Scenario scenario, SimulatedChair chair, int seed, IControllerOutput output, TimeProvider timeProvider, DateTimeOffset? start = null, uint? bootSalt = null,
    ControllerClockError? clockError = null, ControllerCutOff? cutOff = null, Func<NurseProgress?>? nurse = null)
{
    private readonly uint _bootSalt = bootSalt ?? BitConverter.ToUInt32(RandomNumberGenerator.GetBytes(sizeof(uint)));
    private readonly ControllerClockError _clock = clockError ?? ControllerClockError.None;
    private readonly List<TimelineItem> _stored = [];
    private HelloItem? _lastHello;
    private bool _cut;
    private int _lostSinceDown = -1;

    public SimulatedChair Chair => chair;

    public async Task RunAsync(ISimulationObserver? observer, CancellationToken cancellationToken)
    {
        var poweredOnAt = start ?? timeProvider.GetUtcNow();
        var timeline = nurse is null
            ? ControllerTimeline.Generate(scenario, chair, seed, poweredOnAt, _bootSalt)
            : ControllerTimeline.Following(scenario, chair, seed, poweredOnAt, nurse, _bootSalt);
        foreach (var item in timeline)
        {
            var wait = item.At - timeProvider.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, timeProvider, cancellationToken);
            }

            var undelivered = output.Undelivered;
            await PassAsync(item, poweredOnAt, observer, cancellationToken);
            var lost = output.Undelivered - undelivered;
            await NoteTransportAsync(item, lost, observer, cancellationToken);
            if (observer is not null)
            {
                await observer.OnItemAsync(chair, lost > 0 ? new UndeliveredItem(item) : item, cancellationToken);
            }
        }

        if (_cut)
        {
            _cut = false;
            await ReconnectAndUploadAsync(poweredOnAt, timeProvider.GetUtcNow(), observer, cancellationToken);
        }
    }

    /// <summary>Sends the item, or while the link is cut stores it (samples, events) or drops it (frames); uploads what was stored when the link is back.</summary>
    private async Task PassAsync(TimelineItem item, DateTimeOffset poweredOnAt, ISimulationObserver? observer, CancellationToken cancellationToken)
    {
        if (item is HelloItem hello)
        {
            _lastHello = hello;
        }

        var cuts = cutOff is { } cut && cut.Cuts(item.At, poweredOnAt);
        if (cuts && !_cut)
        {
            _cut = true;
            await output.OfflineAsync(OfflineReason.Disconnect, cancellationToken);
            await TellAsync(observer, new LinkChangedItem(item.At, Up: false, 0), cancellationToken);
        }
        else if (!cuts && _cut)
        {
            _cut = false;
            await ReconnectAndUploadAsync(poweredOnAt, item.At, observer, cancellationToken);
        }

        if (!_cut)
        {
            await SendAsync(item, poweredOnAt, cancellationToken);
        }
        else if (item is TelemetryItem or EventItem or OfflineItem { Reason: OfflineReason.Shutdown })
        {
            // Its shutdown too: after the upload it goes last, so the broker's retained status ends offline (issue 13's trial).
            _stored.Add(item);
        }
    }

    private async Task ReconnectAndUploadAsync(DateTimeOffset poweredOnAt, DateTimeOffset at, ISimulationObserver? observer, CancellationToken cancellationToken)
    {
        await TellAsync(observer, new LinkChangedItem(at, Up: true, _stored.Count), cancellationToken);
        if (_lastHello is { } hello)
        {
            await output.HelloAsync(hello.Hello, HelloReason.Reconnect, cancellationToken);
        }

        for (var i = 0; i < _stored.Count; i++)
        {
            var pause = cutOff!.PauseBefore(i);
            if (pause > TimeSpan.Zero)
            {
                await Task.Delay(pause, timeProvider, cancellationToken);
            }

            await SendAsync(_stored[i], poweredOnAt, cancellationToken);
        }

        if (_stored.OfType<OfflineItem>().LastOrDefault() is { } shutdown)
        {
            await TellAsync(observer, shutdown, cancellationToken); // the chair's line ends offline, after the link's return
        }

        _stored.Clear();
    }

    /// <summary>Tells the observer once when the output starts losing messages, and once when it carries them again.</summary>
    private async Task NoteTransportAsync(TimelineItem item, int lost, ISimulationObserver? observer, CancellationToken cancellationToken)
    {
        if (lost > 0)
        {
            if (_lostSinceDown < 0)
            {
                _lostSinceDown = 0;
                await TellAsync(observer, new TransportChangedItem(item.At, Up: false, 0), cancellationToken);
            }

            _lostSinceDown += lost;
        }
        else if (_lostSinceDown >= 0 && item is TelemetryItem or EventItem && !_cut)
        {
            await TellAsync(observer, new TransportChangedItem(item.At, Up: true, _lostSinceDown), cancellationToken);
            _lostSinceDown = -1;
        }
    }

    private Task TellAsync(ISimulationObserver? observer, TimelineItem change, CancellationToken cancellationToken) =>
        observer is null ? Task.CompletedTask : observer.OnItemAsync(chair, change, cancellationToken).AsTask();

    private Task SendAsync(TimelineItem item, DateTimeOffset poweredOnAt, CancellationToken cancellationToken) => item switch
    {
        HelloItem hello => output.HelloAsync(hello.Hello, hello.Reason, cancellationToken),
        TelemetryItem telemetry => output.TelemetryAsync(telemetry.Sample with { Timestamp = _clock.Apply(telemetry.Sample.Timestamp, poweredOnAt) }, cancellationToken),
        EventItem controllerEvent => output.EventAsync(controllerEvent.Event with { Timestamp = _clock.Apply(controllerEvent.Event.Timestamp, poweredOnAt) }, cancellationToken),
        GarbageItem garbage => output.GarbageAsync(garbage, cancellationToken),
        OfflineItem offline => output.OfflineAsync(offline.Reason, cancellationToken),
        _ => Task.CompletedTask,
    };
}
