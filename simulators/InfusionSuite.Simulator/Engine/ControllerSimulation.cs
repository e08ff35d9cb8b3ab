using System.Globalization;
using InfusionSuite.Domain.Controllers;
using InfusionSuite.Simulator.Scenarios;

namespace InfusionSuite.Simulator.Engine;

/// <summary>
/// One controller running one scenario: a state machine stepped through its scheduled actions and
/// telemetry ticks, in order, with nothing but the scenario, the seed and the start instant as input.
/// </summary>
internal sealed partial class ControllerSimulation
{
    private const int HelloEveryMs = 60_000;
    private const int CoolantHighAfterMs = 60_000;
    private const double CoolantHighAboveSetpointC = 3.0;
    private const int LowFlowMlMin = 180;

    private readonly Scenario _scenario;
    private readonly string _controllerId;
    private readonly DateTimeOffset _start;
    private readonly Random _random;
    private readonly CoolingPhysics _physics;
    private readonly MessageDelivery _delivery = new();
    private readonly int _periodMs;
    private readonly int _tickPhaseMs;
    private readonly uint _bootSalt;

    private ControllerState _state = ControllerState.Standby;
    private ControllerState _stateBeforePowerLoss;
    private bool _powered;
    private bool _capConnected;
    private bool _capHoseOff;
    private bool _flowFault;
    private bool _overcool;
    private bool _ended;
    private decimal _setpointC;
    private ControllerAlarms _incidentAlarms;
    private uint _boot;
    private uint _seq;
    private long _physicsMs;
    private long _lastHelloMs;
    private long _coolantHighSinceMs = -1;
    private int _garbageLeft;
    private int _garbageIndex;
    private IReadOnlyList<GarbageKind> _garbageKinds = [];

    /// <param name="nurse">Null for a scenario that runs by its plan; otherwise the controller follows the nurse
    /// (see <see cref="ControllerSimulation.ScheduleFollowing"/>) and asks this what has been documented.</param>
    public ControllerSimulation(Scenario scenario, SimulatedChair chair, int seed, DateTimeOffset start, uint bootSalt = 0, Func<NurseProgress?>? nurse = null)
    {
        _nurse = nurse;
        _bootSalt = bootSalt;
        _scenario = scenario;
        _controllerId = chair.ControllerId;
        _start = new DateTimeOffset(start.UtcTicks - (start.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        _random = new Random(SimulationSeed.For(seed, chair.Index));
        _setpointC = scenario.Controller.SetpointC;
        _physics = new CoolingPhysics(scenario.Controller, _random);
        _periodMs = (int)Math.Round(1000 / scenario.Controller.TelemetryHz);
        _tickPhaseMs = _random.Next(0, _periodMs);
    }

    public IEnumerable<TimelineItem> Run()
    {
        var actions = _nurse is null ? ScheduleActions() : ScheduleFollowing();
        var next = 0;
        long nextTickMs = _tickPhaseMs;
        while (!_ended)
        {
            var due = actions[next];
            if (due.AtMs <= nextTickMs && due.Waits is { } step && NurseHasDone(step))
            {
                // The hold is over: what follows it runs from now on, as long after the hold as planned.
                var shift = Math.Max(0, _physicsMs - due.AtMs);
                for (var i = ++next; i < actions.Count; i++)
                {
                    actions[i] = actions[i] with { AtMs = actions[i].AtMs + shift };
                }
            }
            else if (due.AtMs <= nextTickMs && due.Waits is null)
            {
                next++;
                AdvancePhysics(due.AtMs);
                due.Apply(due.AtMs);
            }
            else
            {
                AdvancePhysics(nextTickMs);
                Tick(nextTickMs);
                if (_following && NurseEndedTheSession())
                {
                    StopForRemoval(nextTickMs, actions, next);
                }

                nextTickMs += _periodMs;
            }

            foreach (var item in _delivery.Pending)
            {
                yield return item;
            }

            _delivery.Clear();
        }
    }

    private DateTimeOffset At(long ms) => _start.AddMilliseconds(ms);

    private void AdvancePhysics(long ms)
    {
        var circulating = _powered && _state == ControllerState.Cooling && _capConnected && !_flowFault;
        var chillerOn = _powered && _state is not ControllerState.Standby;
        _physics.Advance((ms - _physicsMs) / 1000.0, new PhysicsInputs(chillerOn, circulating, _capConnected, _overcool, (double)_setpointC));
        _physicsMs = ms;
    }

    private void Tick(long ms)
    {
        if (!_powered)
        {
            return;
        }

        if (ms - _lastHelloMs >= HelloEveryMs)
        {
            _lastHelloMs = ms;
            _delivery.Frame(new HelloItem(At(ms), Hello(), HelloReason.Periodic));
        }

        var sample = Sample(ms);
        _delivery.Message(new TelemetryItem(At(ms), sample));
        if (_garbageLeft > 0)
        {
            _garbageLeft--;
            var kinds = _garbageKinds.Count > 0 ? _garbageKinds : Enum.GetValues<GarbageKind>();
            _delivery.Frame(new GarbageItem(At(ms), kinds[_garbageIndex++ % kinds.Count], sample));
        }
    }

    private TelemetrySample Sample(long ms)
    {
        var profile = _scenario.Controller;
        var circulating = _state == ControllerState.Cooling && _capConnected && !_flowFault;
        var coolant = CoolingPhysics.Read(_physics.CoolantC, profile.NoiseC, _random, -10, 40);
        double? scalp = _capConnected && profile.ScalpSensor ? CoolingPhysics.Read(_physics.ScalpC, profile.NoiseC, _random, -5, 40) : null;
        var flow = circulating ? _physics.NominalFlowMlMin + _random.Next(-12, 13)
            : _flowFault && _state == ControllerState.Cooling ? LowFlowMlMin + _random.Next(-30, 31)
            : 0;

        var alarms = _incidentAlarms;
        if (_flowFault && flow < profile.MinimumFlowMlMin)
        {
            alarms |= ControllerAlarms.FlowLow;
        }

        if (_capHoseOff && _state is ControllerState.Cooling or ControllerState.Paused)
        {
            alarms |= ControllerAlarms.CapDisconnected;
        }

        if (scalp < 0.0)
        {
            alarms |= ControllerAlarms.Overcool;
        }

        if (CoolantHigh(ms))
        {
            alarms |= ControllerAlarms.CoolantHigh;
        }

        return new TelemetrySample(
            _controllerId, _boot, _seq++, At(ms), _state,
            Temperature.FromCelsius((decimal)coolant),
            scalp is { } s ? Temperature.FromCelsius((decimal)s) : null,
            (ushort)flow, _capConnected, alarms);
    }

    private bool CoolantHigh(long ms)
    {
        if (_state != ControllerState.Cooling || _physics.CoolantC <= (double)_setpointC + CoolantHighAboveSetpointC)
        {
            _coolantHighSinceMs = -1;
            return false;
        }

        if (_coolantHighSinceMs < 0)
        {
            _coolantHighSinceMs = ms;
        }

        return ms - _coolantHighSinceMs >= CoolantHighAfterMs;
    }

    private ControllerHello Hello() =>
        new(_controllerId, _boot, _scenario.Controller.Model, _scenario.Controller.Firmware, 1);

    private void Event(long ms, ControllerEventKind kind, string? detail = null)
    {
        if (_powered)
        {
            _delivery.Message(new EventItem(At(ms), new ControllerEvent(_controllerId, _boot, _seq++, At(ms), kind, detail)));
        }
    }

    private void Marker(long ms, NurseMarkerKind kind) =>
        _delivery.Local(new NurseMarkerItem(At(ms), new NurseMarker(_controllerId, kind, At(ms), _scenario.Session)));

    private void PowerOn(long ms)
    {
        _powered = true;
        _boot = (uint)_random.NextInt64(0, 0x1_0000_0000) ^ _bootSalt;
        _seq = 0;
        _lastHelloMs = ms;
        _state = ControllerState.Standby;
        _delivery.Frame(new HelloItem(At(ms), Hello(), HelloReason.PowerOn));
    }

    private static string Celsius(decimal value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
