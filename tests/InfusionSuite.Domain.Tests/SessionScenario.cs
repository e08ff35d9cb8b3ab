using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Domain.Sessions.Inputs;
using Microsoft.Extensions.Time.Testing;

namespace InfusionSuite.Domain.Tests;

/// <summary>
/// Plays one chair: a nurse and a CCP/1 controller acting on a fake clock. Keeps the accepted
/// inputs as the stored log would.
/// </summary>
internal sealed class SessionScenario
{
    public const string ControllerId = "CHAIR-07";
    public const string NurseId = "user-41";
    public const uint FirstBoot = 0x9f3a61c2;

    public SessionScenario(SessionPolicy? policy = null, DateTimeOffset? start = null)
    {
        Policy = policy ?? SessionPolicy.Default;
        Clock = new FakeTimeProvider(start ?? new DateTimeOffset(2026, 11, 27, 13, 0, 0, TimeSpan.Zero));
        Session = new ScalpCoolingSession(Policy);
    }

    public SessionPolicy Policy { get; }

    public FakeTimeProvider Clock { get; }

    public ScalpCoolingSession Session { get; }

    public List<SessionInput> Log { get; } = [];

    public uint Boot { get; set; } = FirstBoot;

    public uint Seq { get; set; }

    /// <summary>Device clock minus server clock.</summary>
    public TimeSpan DeviceClockOffset { get; set; }

    public DateTimeOffset Now => Clock.GetUtcNow();

    public ScalpCoolingSessionRecord Record => Session.ToRecord();

    public static SessionPlan Plan(
        RegimenTargets? targets = null, string? primaryCode = "96413", bool firstOfCourse = true,
        string sessionId = "session-1", string courseId = "course-1", string patient = "patient-1") =>
        new(sessionId, courseId, patient, new ChemoAdministration("MedicationAdministration/ma-1", primaryCode),
            ControllerId, targets ?? RegimenTargets.FromMinutes(30, 90), CapSize.M, firstOfCourse);

    public void Minutes(double minutes) => Clock.Advance(TimeSpan.FromMinutes(minutes));

    public void Advance(TimeSpan span) => Clock.Advance(span);

    public InputOutcome Apply(SessionInput input)
    {
        var outcome = Session.Apply(input);
        if (outcome.IsAccepted)
        {
            Log.Add(input);
        }

        return outcome;
    }

    public InputOutcome Start(SessionPlan? plan = null) => Apply(new StartSession(Now, NurseId, plan ?? Plan()));

    public InputOutcome Nurse(Func<DateTimeOffset, NurseAction> action) => Apply(action(Now));

    public InputOutcome PlaceCap(DateTimeOffset? effective = null) => Apply(new PlaceCap(Now, NurseId, effective));

    public InputOutcome StartInfusion(DateTimeOffset? effective = null) => Apply(new StartInfusion(Now, NurseId, effective));

    public InputOutcome EndInfusion(DateTimeOffset? effective = null) => Apply(new EndInfusion(Now, NurseId, effective));

    public InputOutcome RemoveCap(DateTimeOffset? effective = null) => Apply(new RemoveCap(Now, NurseId, effective));

    public InputOutcome Abort(AbortReason reason = AbortReason.Headache) => Apply(new AbortSession(Now, NurseId, reason));

    public ControllerEvent NewEvent(ControllerEventKind kind, string? detail = null, TimeSpan? earlier = null) =>
        new(ControllerId, Boot, Seq++, Now + DeviceClockOffset - (earlier ?? TimeSpan.Zero), kind, detail);

    public InputOutcome Event(ControllerEventKind kind, string? detail = null, TimeSpan? earlier = null) =>
        Apply(new DeviceEventReceived(Now, NewEvent(kind, detail, earlier)));

    public TelemetrySample NewSample(
        ControllerState state = ControllerState.Cooling, decimal coolant = -4.0m, decimal? scalp = 18.0m,
        bool capConnected = true, ControllerAlarms alarms = ControllerAlarms.None) =>
        new(ControllerId, Boot, Seq++, Now + DeviceClockOffset, state, Temperature.FromCelsius(coolant),
            scalp is { } s ? Temperature.FromCelsius(s) : null, 620, capConnected, alarms);

    public InputOutcome Sample(
        ControllerState state = ControllerState.Cooling, decimal coolant = -4.0m, decimal? scalp = 18.0m,
        bool capConnected = true, ControllerAlarms alarms = ControllerAlarms.None) =>
        Apply(new TelemetryReceived(Now, NewSample(state, coolant, scalp, capConnected, alarms)));

    /// <summary>Cap connected, setpoint -4.0 °C, coolant at setpoint, cooling started: the placement.</summary>
    public DateTimeOffset FitAndStartCooling()
    {
        Event(ControllerEventKind.CapOn);
        Event(ControllerEventKind.Setpoint, "-4.0");
        Sample(ControllerState.Prechill, coolant: -4.0m);
        Event(ControllerEventKind.CoolingStart);
        Sample();
        return Now + DeviceClockOffset;
    }

    /// <summary>Started, then cooling with the cap placed two minutes later.</summary>
    public DateTimeOffset RunToPreCooling()
    {
        Start();
        Minutes(2);
        return FitAndStartCooling();
    }

    /// <summary>For a session already started: fitted, cooled and completed on target.</summary>
    public void RunCompleteSessionAfterStart(double preMinutes = 30, double infusionMinutes = 60, double postMinutes = 90, double warmUpMinutes = 5)
    {
        Minutes(2);
        FitAndStartCooling();
        Minutes(preMinutes);
        StartInfusion();
        Minutes(infusionMinutes);
        EndInfusion();
        Minutes(postMinutes);
        Event(ControllerEventKind.CoolingStop);
        Minutes(warmUpMinutes);
        Event(ControllerEventKind.CapOff);
    }

    public void RunToInfusing(double preMinutes = 30)
    {
        RunToPreCooling();
        Minutes(preMinutes);
        StartInfusion();
    }

    public void RunToPostCooling(double preMinutes = 30, double infusionMinutes = 60)
    {
        RunToInfusing(preMinutes);
        Minutes(infusionMinutes);
        EndInfusion();
    }

    /// <summary>A whole session on target: 30 min pre-cooling, 60 min infusion, 90 min post-cooling, 5 min warm-up.</summary>
    public void RunCompleteSession(double preMinutes = 30, double infusionMinutes = 60, double postMinutes = 90, double warmUpMinutes = 5)
    {
        Start();
        RunCompleteSessionAfterStart(preMinutes, infusionMinutes, postMinutes, warmUpMinutes);
    }
}
