using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Domain.Sessions.Inputs;

namespace InfusionSuite.Domain.Tests;

/// <summary>
/// One whole session as it happened (server time), played through a controller clock and a
/// transport of choice: the clock says what ts the controller wrote at a server instant, the
/// transport when each message arrived; nurses enter live, or late with back-dated times.
/// </summary>
internal sealed record ClockScript(
    double PreMinutes = 27,
    double InfusionMinutes = 60,
    double PostMinutes = 86,
    double SampleSeconds = 30)
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 27, 13, 0, 0, TimeSpan.Zero);

    /// <summary>When the controller says the cap came off (server time).</summary>
    public DateTimeOffset CapOffAt => T0 + TimeSpan.FromMinutes(2 + PreMinutes + InfusionMinutes + PostMinutes + 5);

    /// <summary>The inputs in arrival order.</summary>
    public List<SessionInput> Inputs(
        Func<DateTimeOffset, DateTimeOffset> controllerClock,
        Func<DateTimeOffset, DateTimeOffset> arrival,
        Func<DateTimeOffset, DateTimeOffset>? nurseEntry = null)
    {
        var timed = new List<(DateTimeOffset Arrival, DateTimeOffset At, int Order, SessionInput Input)>();
        uint seq = 0;
        var placement = T0 + TimeSpan.FromMinutes(2);
        var infusionStart = placement + TimeSpan.FromMinutes(PreMinutes);
        var infusionEnd = infusionStart + TimeSpan.FromMinutes(InfusionMinutes);
        var coolingStop = infusionEnd + TimeSpan.FromMinutes(PostMinutes);
        var capOff = coolingStop + TimeSpan.FromMinutes(5);

        void Add(DateTimeOffset received, DateTimeOffset at, SessionInput input) => timed.Add((received, at, timed.Count, input));

        void Nurse(DateTimeOffset at, Func<DateTimeOffset, DateTimeOffset?, NurseAction> action)
        {
            var entered = nurseEntry?.Invoke(at) ?? at;
            Add(entered, at, action(entered, entered == at ? null : at));
        }

        void Event(DateTimeOffset at, ControllerEventKind kind, string? detail = null) =>
            Add(arrival(at), at, new DeviceEventReceived(arrival(at), new ControllerEvent(SessionScenario.ControllerId, SessionScenario.FirstBoot, seq++, controllerClock(at), kind, detail)));

        Nurse(T0, (r, e) => new StartSession(r, SessionScenario.NurseId, SessionScenario.Plan(), e));
        var events = new List<(DateTimeOffset At, ControllerEventKind Kind, string? Detail)>
        {
            (placement - TimeSpan.FromSeconds(2), ControllerEventKind.CapOn, null),
            (placement - TimeSpan.FromSeconds(1), ControllerEventKind.Setpoint, "-4.0"),
            (placement, ControllerEventKind.CoolingStart, null),
            (coolingStop, ControllerEventKind.CoolingStop, null),
            (capOff, ControllerEventKind.CapOff, null),
        };
        for (var at = T0 + TimeSpan.FromSeconds(SampleSeconds / 2); at < capOff; at += TimeSpan.FromSeconds(SampleSeconds))
        {
            while (events.Count > 0 && events[0].At <= at)
            {
                Event(events[0].At, events[0].Kind, events[0].Detail);
                events.RemoveAt(0);
            }

            var cooling = at > placement && at < coolingStop;
            var sample = new TelemetrySample(
                SessionScenario.ControllerId, SessionScenario.FirstBoot, seq++, controllerClock(at),
                cooling ? ControllerState.Cooling : ControllerState.Prechill, Temperature.FromCelsius(-4.0m), Temperature.FromCelsius(18.0m),
                600, at > placement - TimeSpan.FromSeconds(2) && at < capOff, ControllerAlarms.None);
            Add(arrival(at), at, new TelemetryReceived(arrival(at), sample));
        }

        foreach (var (at, kind, detail) in events)
        {
            Event(at, kind, detail);
        }

        Nurse(infusionStart, (r, e) => new StartInfusion(r, SessionScenario.NurseId, e));
        Nurse(infusionEnd, (r, e) => new EndInfusion(r, SessionScenario.NurseId, e));
        return [.. timed.OrderBy(t => t.Arrival).ThenBy(t => t.At).ThenBy(t => t.Order).Select(t => t.Input)];
    }

    public static ScalpCoolingSessionRecord Fold(IEnumerable<SessionInput> inputs) => ScalpCoolingSession.Replay(SessionPolicy.Default, inputs);

    /// <summary>What a session's clinical outcome is: status, boundaries, phases and deviations.</summary>
    public static string Outcome(ScalpCoolingSessionRecord record) => string.Join(
        Environment.NewLine,
        [
            $"{record.Status} {record.PerformedPeriod}",
            $"{record.Boundaries}",
            .. record.Phases.Select(p => $"{p.Phase} {p.Start:O} {p.End:O} {p.Interruptions}"),
            .. record.Deviations.Select(d => $"{d.Name} {d.Duration}"),
        ]);
}
