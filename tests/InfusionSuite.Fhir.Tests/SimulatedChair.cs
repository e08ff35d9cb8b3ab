using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Domain.Sessions.Inputs;
using Microsoft.Extensions.Time.Testing;

namespace InfusionSuite.Fhir.Tests;

/// <summary>
/// One chair on a fake clock: a nurse's actions and a CCP/1 controller's events and telemetry
/// (a sample every 30 s, temperatures drifting deterministically), folded into a real session.
/// </summary>
internal sealed class SimulatedChair
{
    public const string ControllerId = "CHAIR-07";
    public const string StartingNurse = "user-41";
    public const string EndingNurse = "user-52";
    private static readonly TimeSpan s_sampleEvery = TimeSpan.FromSeconds(30);
    private readonly ScalpCoolingSession _session = new(SessionPolicy.Default);
    private uint _seq;
    private int _sampleIndex;

    public SimulatedChair(DateTimeOffset start) => Clock = new FakeTimeProvider(start);

    public FakeTimeProvider Clock { get; }

    /// <summary>The state the controller reports in its samples.</summary>
    public ControllerState State { get; set; } = ControllerState.Cooling;

    public DateTimeOffset Now => Clock.GetUtcNow();

    public ScalpCoolingSessionRecord Record => _session.ToRecord();

    public void Apply(SessionInput input)
    {
        var outcome = _session.Apply(input);
        if (!outcome.IsAccepted)
        {
            throw new InvalidOperationException($"The simulated input {input.GetType().Name} was not accepted: {outcome}.");
        }
    }

    public void Start(SessionPlan plan)
    {
        Apply(new StartSession(Now, StartingNurse, plan));
        Apply(new ControllerHelloReceived(Now, new ControllerHello(ControllerId, 0x9f3a61c2, "CoolCap CC-200", "2.4.1", 1)));
    }

    public void Event(ControllerEventKind kind, string? detail = null) =>
        Apply(new DeviceEventReceived(Now, new ControllerEvent(ControllerId, 0x9f3a61c2, _seq++, Now, kind, detail)));

    public void Nurse(Func<DateTimeOffset, NurseAction> action) => Apply(action(Now));

    /// <summary>Lets time pass with telemetry every 30 s: coolant near -4 °C, scalp cooling towards 16 °C.</summary>
    public void Run(TimeSpan span, bool capConnected = true)
    {
        var until = Now + span;
        while (Now < until)
        {
            var step = until - Now < s_sampleEvery ? until - Now : s_sampleEvery;
            Clock.Advance(step);
            _sampleIndex++;
            var wobble = (_sampleIndex * 7 % 11) - 5;
            var coolant = Temperature.FromCelsius(-4.0m + (wobble / 10m));
            var scalp = Temperature.FromCelsius(Math.Max(15.5m, 24.0m - (_sampleIndex / 20m)) + (wobble / 20m));
            Apply(new TelemetryReceived(Now, new TelemetrySample(ControllerId, 0x9f3a61c2, _seq++, Now, State, coolant, scalp, 620, capConnected, ControllerAlarms.None)));
        }
    }

    public void Minutes(double minutes) => Run(TimeSpan.FromMinutes(minutes));
}
