using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Domain.Sessions.Inputs;
using Microsoft.Extensions.Time.Testing;

namespace InfusionSuite.Testing.Sessions;

/// <summary>
/// The one session/chair builder of the tests: a nurse and a CCP/1 controller acting on one chair
/// on a fake clock, folded into a real <see cref="ScalpCoolingSession"/>. Keeps the accepted inputs
/// as the stored log would. The constants (controller, nurses, boot, plan) live here once.
/// </summary>
/// <remarks>
/// Two ways to let time pass: <see cref="Minutes"/> only moves the clock (the controller is silent);
/// <see cref="Run"/> moves it with a telemetry sample every 30 s (coolant near −4 °C, scalp cooling
/// towards 16 °C, a deterministic wobble), as a streaming controller does.
/// </remarks>
public sealed class SessionScenario
{
    /// <summary>The chair's controller id (CCP/1 form).</summary>
    public const string ControllerId = "CHAIR-07";

    /// <summary>The nurse who starts sessions (and the default for every nurse action).</summary>
    public const string NurseId = "user-41";

    /// <summary>The nurse who ends sessions in the FHIR and HL7 examples (a second performer).</summary>
    public const string EndingNurse = "user-52";

    /// <summary>The controller's first boot id.</summary>
    public const uint FirstBoot = 0x9f3a61c2;

    /// <summary>The chemotherapy administration code every plan uses unless told (CPT 96413).</summary>
    public const string PrimaryCode = "96413";

    /// <summary>Thursday 27 November 2026, 13:00 UTC: the default start.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 11, 27, 13, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan s_sampleEvery = TimeSpan.FromSeconds(30);
    private readonly bool _strict;
    private int _sampleIndex;

    /// <param name="policy">The session policy; <see cref="SessionPolicy.Default"/> unless told.</param>
    /// <param name="start">The fake clock's start; <see cref="DefaultStart"/> unless told.</param>
    /// <param name="strict">When true an input the session refuses throws instead of returning its outcome.</param>
    public SessionScenario(SessionPolicy? policy = null, DateTimeOffset? start = null, bool strict = false)
    {
        Policy = policy ?? SessionPolicy.Default;
        Clock = new FakeTimeProvider(start ?? DefaultStart);
        Session = new ScalpCoolingSession(Policy);
        _strict = strict;
    }

    public SessionPolicy Policy { get; }

    public FakeTimeProvider Clock { get; }

    public ScalpCoolingSession Session { get; }

    public List<SessionInput> Log { get; } = [];

    public uint Boot { get; set; } = FirstBoot;

    public uint Seq { get; set; }

    /// <summary>Device clock minus server clock.</summary>
    public TimeSpan DeviceClockOffset { get; set; }

    /// <summary>The state the controller reports in the samples of <see cref="Run"/>.</summary>
    public ControllerState State { get; set; } = ControllerState.Cooling;

    public DateTimeOffset Now => Clock.GetUtcNow();

    public ScalpCoolingSessionRecord Record => Session.ToRecord();

    /// <summary>A plan for this chair: standard targets (30 min pre-cooling, 90 min post-cooling), cap size M.</summary>
    public static SessionPlan Plan(
        RegimenTargets? targets = null, string? primaryCode = PrimaryCode, bool firstOfCourse = true,
        string sessionId = "session-1", string courseId = "course-1", string patient = "patient-1",
        string administration = "MedicationAdministration/ma-1", string? encounter = null, string controllerId = ControllerId) =>
        new(sessionId, courseId, patient, new ChemoAdministration(administration, primaryCode),
            controllerId, targets ?? RegimenTargets.FromMinutes(30, 90), CapSize.M, firstOfCourse, encounter);

    /// <summary>Moves the clock; the controller sends nothing meanwhile.</summary>
    public void Minutes(double minutes) => Clock.Advance(TimeSpan.FromMinutes(minutes));

    public void Advance(TimeSpan span) => Clock.Advance(span);

    public InputOutcome Apply(SessionInput input)
    {
        var outcome = Session.Apply(input);
        if (outcome.IsAccepted)
        {
            Log.Add(input);
        }
        else if (_strict)
        {
            throw new InvalidOperationException($"The scripted input {input.GetType().Name} was not accepted: {outcome}.");
        }

        return outcome;
    }

    public InputOutcome Start(SessionPlan? plan = null) => Apply(new StartSession(Now, NurseId, plan ?? Plan()));

    /// <summary>The controller's hello (model CoolCap CC-200, firmware 2.4.1, CCP/1) for the current boot.</summary>
    public InputOutcome Hello() =>
        Apply(new ControllerHelloReceived(Now, new ControllerHello(ControllerId, Boot, "CoolCap CC-200", "2.4.1", 1)));

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

    /// <summary>Lets <paramref name="span"/> pass with a sample every 30 s in <see cref="State"/>: coolant −4 ± 0.5 °C, scalp from 24 °C down to 15.5 °C.</summary>
    public void Run(TimeSpan span, bool capConnected = true)
    {
        var until = Now + span;
        while (Now < until)
        {
            var step = until - Now < s_sampleEvery ? until - Now : s_sampleEvery;
            Clock.Advance(step);
            _sampleIndex++;
            var wobble = (_sampleIndex * 7 % 11) - 5;
            var coolant = -4.0m + (wobble / 10m);
            var scalp = Math.Max(15.5m, 24.0m - (_sampleIndex / 20m)) + (wobble / 20m);
            Sample(State, coolant, scalp, capConnected);
        }
    }

    /// <summary><see cref="Run"/> for a number of minutes.</summary>
    public void RunMinutes(double minutes) => Run(TimeSpan.FromMinutes(minutes));

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

    /// <summary>
    /// For a session already started: fitted and cooling, infusing 20 min, aborted; a warm sample and the controller's
    /// COOLING_STOP a minute later, its CAP_OFF 5 min after the abort (the performed period runs on past the abort).
    /// </summary>
    public void RunAbortedThenCapOffAfterStart()
    {
        Minutes(2);
        FitAndStartCooling();
        RunMinutes(30);
        StartInfusion();
        RunMinutes(20);
        Abort();
        Minutes(1);
        Sample(ControllerState.Cooling, coolant: 9.0m, scalp: 31.0m);
        Event(ControllerEventKind.CoolingStop);
        Minutes(4);
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
