using System.Globalization;
using System.Text;
using InfusionSuite.Domain.Controllers;
using InfusionSuite.Simulator.Engine;
using InfusionSuite.Simulator.Running;

namespace InfusionSuite.Simulator.Cli;

/// <summary>
/// The live display: a table with one row per chair, redrawn in place on a terminal; when output is
/// redirected, one log line per event, marker and link change instead (telemetry is not logged); msgs counts what the
/// output carried, lost what it could not (<see cref="TransportChangedItem"/>: a line when that starts and when it ends); with
/// <paramref name="quiet"/>, neither, but it still counts what each chair sent for the final table.
/// </summary>
internal sealed class ChairBoard(IReadOnlyList<SimulatedChair> chairs, TextWriter output, TimeProvider clock, string title, bool redraw, bool quiet = false)
    : ISimulationObserver
{
    private readonly Lock _gate = new();
    private readonly ChairView[] _views = [.. chairs.Select(c => new ChairView(c.ControllerId))];

    public ValueTask OnItemAsync(SimulatedChair chair, TimelineItem item, CancellationToken cancellationToken)
    {
        string? log = null;
        lock (_gate)
        {
            var view = _views[chair.Index];
            _views[chair.Index] = item switch
            {
                TelemetryItem t => view with { Last = t.Sample, Messages = view.Messages + 1 },
                EventItem e => view with { LastEvent = Describe(e.Event), Messages = view.Messages + 1, Phase = PhaseAfter(view.Phase, e.Event.Kind) },
                GarbageItem => view with { Garbage = view.Garbage + 1 },
                HelloItem h => view with { Online = true, Boot = h.Hello.Boot },
                OfflineItem o => view with { Online = false, Done = o.Reason == OfflineReason.Shutdown, Phase = o.Reason == OfflineReason.Shutdown ? "done" : view.Phase },
                LinkChangedItem l => view with { Online = l.Up },
                UndeliveredItem { Item: TelemetryItem t } => view with { Last = t.Sample, Lost = view.Lost + 1 },
                UndeliveredItem { Item: EventItem e } => view with { LastEvent = Describe(e.Event), Lost = view.Lost + 1, Phase = PhaseAfter(view.Phase, e.Event.Kind) },
                NurseMarkerItem m => view with { Phase = PhaseAfter(m.Marker.Kind) },
                _ => view,
            };
            log = item switch
            {
                EventItem e => Describe(e.Event),
                NurseMarkerItem m => "nurse: " + m.Marker.Kind,
                HelloItem { Reason: not HelloReason.Periodic } h => $"online ({h.Reason}, boot {h.Hello.Boot:x8})",
                OfflineItem o => $"offline ({o.Reason})",
                LinkChangedItem { Up: false } => "link down",
                LinkChangedItem l => string.Create(CultureInfo.InvariantCulture, $"link up, uploading {l.StoredMessages} stored messages"),
                TransportChangedItem { Up: false } => "transport down: messages are lost until it is back (not stored, unlike --cut-off)",
                TransportChangedItem t => string.Create(CultureInfo.InvariantCulture, $"transport back: {t.Lost} messages lost while it was down"),
                UndeliveredItem { Item: EventItem e } => Describe(e.Event) + " (lost: transport down)",
                _ => null,
            };
        }

        if (!redraw && !quiet && log is not null)
        {
            lock (_gate)
            {
                output.WriteLine($"{item.At.UtcDateTime:HH:mm:ss.fff}Z {chair.ControllerId,-12} {log}");
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Redraws the table four times a real second until cancelled (only when redrawing).</summary>
    public async Task RedrawAsync(CancellationToken cancellationToken)
    {
        if (!redraw)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250), TimeProvider.System);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                Draw();
            }
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }
    }

    /// <summary>Writes the table once (the final state).</summary>
    public void Draw()
    {
        var table = Render();
        lock (_gate)
        {
            output.Write(redraw ? "\u001b[H\u001b[J" + table : table);
            output.Flush();
        }
    }

    public string Render()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{title} · simulated {clock.GetUtcNow().UtcDateTime:yyyy-MM-dd HH:mm:ss}Z");
        text.AppendLine("chair        link     boot      phase         state     coolant  scalp  flow  cap  alarms                 last event             msgs  lost  bad");
        lock (_gate)
        {
            foreach (var v in _views)
            {
                var s = v.Last;
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"{v.ControllerId,-12} {(v.Online ? "online" : "offline"),-8} {v.Boot:x8}  {v.Phase,-13} {s?.State.ToString().ToUpperInvariant(),-9} {s?.CoolantC,7}  {s?.ScalpC?.ToString() ?? "-",5}  {s?.FlowMlMin,4}  {(s?.CapConnected == true ? "on" : "off"),-3}  {Alarms(s),-22} {v.LastEvent,-22} {v.Messages,5}  {v.Lost,4}  {v.Garbage,3}");
            }
        }

        return text.ToString();
    }

    private static string Alarms(TelemetrySample? sample) =>
        sample is { Alarms: not ControllerAlarms.None } s ? string.Join(',', ControllerAlarmNames.Names(s.Alarms)) : "-";

    private static string Describe(ControllerEvent e) => e.Detail is null ? e.Kind.ToString() : $"{e.Kind} {e.Detail}";

    private static string PhaseAfter(string phase, ControllerEventKind kind) => (phase, kind) switch
    {
        ("fitting", ControllerEventKind.CoolingStart) => "pre-cooling",
        (_, ControllerEventKind.CoolingStop) => "warm-up",
        ("powering on", ControllerEventKind.Setpoint) => "prechill",
        _ => phase,
    };

    private static string PhaseAfter(NurseMarkerKind kind) => kind switch
    {
        NurseMarkerKind.SessionStart => "fitting",
        NurseMarkerKind.InfusionStarted => "infusion",
        NurseMarkerKind.InfusionEnded => "post-cooling",
        NurseMarkerKind.CapRemoved => "removed",
        _ => kind.ToString(),
    };
}
