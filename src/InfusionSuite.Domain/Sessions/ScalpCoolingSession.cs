using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Sessions.Inputs;

namespace InfusionSuite.Domain.Sessions;

/// <summary>
/// One scalp-cooling session on one chair's controller, folding its inputs in log order.
/// <see cref="Apply"/> says whether an input was accepted (and so belongs in the stored log),
/// a duplicate, or refused with a reason; refused and duplicate inputs change nothing.
/// Replaying the accepted inputs with the same policy gives the identical record.
/// </summary>
public sealed class ScalpCoolingSession(SessionPolicy policy)
{
    private readonly SessionState _state = new(policy);

    public ScalpCoolingSession()
        : this(SessionPolicy.Default)
    {
    }

    /// <summary>Null until the session was started.</summary>
    public SessionStatus? Status => _state.Lifecycle.Status;

    /// <summary>Folds a whole log, in order.</summary>
    public static ScalpCoolingSessionRecord Replay(SessionPolicy policy, IEnumerable<SessionInput> log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var session = new ScalpCoolingSession(policy);
        foreach (var input in log)
        {
            session.Apply(input);
        }

        return session.ToRecord();
    }

    public InputOutcome Apply(SessionInput input) => input switch
    {
        NurseAction action => ApplyNurseAction(action),
        TelemetryReceived telemetry => ApplyTelemetry(telemetry.Sample, telemetry.ReceivedAt),
        DeviceEventReceived received => ApplyEvent(received.Event, received.ReceivedAt),
        ControllerHelloReceived hello => ApplyHello(hello),
        ControllerSetpointKnown known => ApplyKnownSetpoint(known),
        ControllerWentOffline offline => ApplyLiveness(offline.ReceivedAt, isOffline: true),
        ControllerCameOnline online => ApplyLiveness(online.ReceivedAt, isOffline: false),
        null => throw new ArgumentNullException(nameof(input)),
        _ => throw new ArgumentException("Unknown session input type.", nameof(input)),
    };

    /// <summary>The per-sample step: O(1), no allocation on the usual path.</summary>
    public InputOutcome ApplyTelemetry(in TelemetrySample sample, DateTimeOffset receivedAt)
    {
        var outcome = Admit(sample.ControllerId, sample.Boot, sample.Seq, sample.Timestamp, receivedAt, readable: true, out var at);
        if (!outcome.IsAccepted)
        {
            return outcome;
        }

        _state.Samples++;
        _state.Device.Sample(at == sample.Timestamp ? sample : sample with { Timestamp = at }, _state.StartedAt, _state.TemperaturesEnd);
        // A sample can fit the cap, or (arriving after its COOLING_START) show the cap was on when cooling started.
        if ((_state.Lifecycle.Status == SessionStatus.Started && _state.Device.FittingSeen)
            || (_state.Lifecycle.Status == SessionStatus.Fitting && _state.Device.HasCoolingStart))
        {
            _state.RefreshLifecycle();
        }

        return outcome;
    }

    /// <summary>
    /// A controller message's ts on the server's timeline by this session's clock estimate for its boot, without taking the
    /// message (it may be one the session refused, e.g. after its end): how far behind its arrival the controller's word is.
    /// </summary>
    public DateTimeOffset OnServerTimeline(uint boot, uint seq, DateTimeOffset deviceTs, DateTimeOffset receivedAt) =>
        _state.Channel.Clock.ToServerTime(boot, seq, deviceTs, receivedAt, _state.Policy.ClockSkewThreshold, _state.Policy.ControllerClockLimit);

    /// <summary>
    /// Whether a message of the session's controller later than <paramref name="at"/> (server timeline) could still be taken:
    /// false once the session ended and the time after its end it listens for its controller (<c>DeviceGate</c>) is over at
    /// <paramref name="at"/>, or when voided. What the controller stores after that moment cannot change the record.
    /// </summary>
    public bool TakesControllerMessagesAfter(DateTimeOffset at) => TakesControllerMessageAt(at + TimeSpan.FromTicks(1));

    /// <summary>Whether a message of the session's controller at <paramref name="at"/> (server timeline) would be taken (<c>DeviceGate</c>).</summary>
    public bool TakesControllerMessageAt(DateTimeOffset at) => DeviceGate(_state.Plan?.ControllerId, at) == RefusalReason.None;

    /// <summary>The policy the session is judged by.</summary>
    public SessionPolicy Policy => _state.Policy;

    /// <summary>What the nurse started the session with; null before the start.</summary>
    public SessionPlan? Plan => _state.Plan;

    /// <summary>A snapshot of the record as of the inputs applied so far.</summary>
    public ScalpCoolingSessionRecord ToRecord() => _state.Plan is null
        ? throw new InvalidOperationException("The session has not been started.")
        : SessionRecordBuilder.Build(_state);

    private InputOutcome ApplyNurseAction(NurseAction action)
    {
        if (_state.Nurse.HasAccepted(action, _state.Policy.SameMomentWindow))
        {
            return InputOutcome.Duplicate;
        }

        var refusal = NurseActionRules.Check(_state, action);
        if (refusal != RefusalReason.None)
        {
            return InputOutcome.Refused(refusal);
        }

        _state.Nurse.Record(action);
        _state.Saw(action.ReceivedAt);
        _state.RefreshLifecycle();
        return InputOutcome.Accepted;
    }

    private InputOutcome ApplyEvent(ControllerEvent e, DateTimeOffset receivedAt)
    {
        var outcome = Admit(e.ControllerId, e.Boot, e.Seq, e.Timestamp, receivedAt, DeviceObservations.IsReadable(e), out var at);
        if (outcome.IsAccepted)
        {
            _state.Device.Event(at == e.Timestamp ? e : e with { Timestamp = at }, _state.StartedAt);
            _state.RefreshLifecycle();
        }

        return outcome;
    }

    /// <summary>
    /// Gate, dedupe and clock shared by every sequenced controller message; <paramref name="at"/> is
    /// the message's ts on the server's timeline (docs/clinical-rules.md, "Clocks").
    /// </summary>
    private InputOutcome Admit(string controllerId, uint boot, uint seq, DateTimeOffset deviceTs, DateTimeOffset receivedAt, bool readable, out DateTimeOffset at)
    {
        var threshold = _state.Policy.ClockSkewThreshold;
        at = string.Equals(controllerId, _state.Plan?.ControllerId, StringComparison.Ordinal)
            ? _state.Channel.Clock.ToServerTime(boot, seq, deviceTs, receivedAt, threshold, _state.Policy.ControllerClockLimit)
            : deviceTs;
        var refusal = DeviceGate(controllerId, at);
        if (refusal == RefusalReason.None && !readable)
        {
            refusal = RefusalReason.InvalidDeviceDetail;
        }

        if (refusal != RefusalReason.None)
        {
            return InputOutcome.Refused(refusal);
        }

        if (!_state.Channel.TryKeep(boot, seq, deviceTs))
        {
            return InputOutcome.Duplicate;
        }

        at = _state.Channel.Clock.Note(boot, seq, deviceTs, receivedAt, threshold, _state.Policy.ControllerClockLimit);
        _state.Channel.HeardBoot(boot, at);
        _state.Channel.DeviceRecord.Heard(at);
        _state.Saw(at);
        _state.Saw(receivedAt);
        return InputOutcome.Accepted;
    }

    private InputOutcome ApplyHello(ControllerHelloReceived hello)
    {
        var refusal = DeviceGate(hello.Hello.ControllerId, hello.ReceivedAt);
        if (refusal != RefusalReason.None)
        {
            return InputOutcome.Refused(refusal);
        }

        _state.Channel.Hello(hello.Hello, hello.ReceivedAt);
        _state.Device.ModelSetpoint(_state.Policy.ModelSetpoint(_state.Channel.Model));
        _state.Saw(hello.ReceivedAt);
        return InputOutcome.Accepted;
    }

    private InputOutcome ApplyKnownSetpoint(ControllerSetpointKnown known)
    {
        var refusal = DeviceGate(_state.Plan?.ControllerId, known.ReceivedAt);
        if (refusal != RefusalReason.None)
        {
            return InputOutcome.Refused(refusal);
        }

        _state.Device.ReportedSetpoint(known.Setpoint, known.ReportedAt);
        _state.Saw(known.ReceivedAt);
        return InputOutcome.Accepted;
    }

    private InputOutcome ApplyLiveness(DateTimeOffset receivedAt, bool isOffline)
    {
        var refusal = DeviceGate(_state.Plan?.ControllerId, receivedAt);
        if (refusal != RefusalReason.None)
        {
            return InputOutcome.Refused(refusal);
        }

        if (!_state.Channel.TryObserveLiveness(isOffline, receivedAt))
        {
            return InputOutcome.Duplicate;
        }

        _state.Saw(receivedAt);
        return InputOutcome.Accepted;
    }

    /// <summary>
    /// Whether the session takes a controller message at <paramref name="at"/>. After the controller ended it, nothing
    /// later; after a nurse's "cap removed", anything within <see cref="SessionPolicy.CapOffWindow"/> (at least the
    /// <see cref="SessionPolicy.SameMomentWindow"/>): the controller's CAP_OFF may still move the end there, and the samples
    /// up to that end are the session's (docs/clinical-rules.md, "Nurse and controller end times"); after an abort,
    /// anything within the listening window.
    /// </summary>
    private RefusalReason DeviceGate(string? controllerId, DateTimeOffset at)
    {
        if (_state.Plan is not { } plan)
        {
            return RefusalReason.SessionNotStarted;
        }

        if (_state.Nurse.Void is not null)
        {
            return RefusalReason.SessionVoided;
        }

        if (!string.Equals(controllerId, plan.ControllerId, StringComparison.Ordinal))
        {
            return RefusalReason.OtherController;
        }

        var lifecycle = _state.Lifecycle;
        if (lifecycle.End is { } end)
        {
            var policy = _state.Policy;
            var limit = lifecycle.RemovalSource == BoundarySource.Controller ? end
                : _state.Nurse.Abort is { } abort ? IntervalMath.Max(abort.At + policy.AbortListenWindow, end + policy.SameMomentWindow)
                : end + (policy.CapOffWindow > policy.SameMomentWindow ? policy.CapOffWindow : policy.SameMomentWindow);
            if (at > limit)
            {
                return RefusalReason.AfterSessionEnded;
            }
        }

        return RefusalReason.None;
    }
}
