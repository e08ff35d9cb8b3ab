using InfusionSuite.Application.Controllers;
using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Domain.Sessions.Inputs;
using Microsoft.Extensions.Logging;
using DeviceHello = InfusionSuite.Application.Controllers.ControllerHelloReceived;
using DeviceTelemetry = InfusionSuite.Application.Controllers.TelemetryReceived;
using InputHello = InfusionSuite.Domain.Sessions.Inputs.ControllerHelloReceived;

namespace InfusionSuite.Application.Ingest;

/// <summary>
/// Takes one controller message into its controller's current session and the pending batch:
/// what the session accepts is stored with it, a duplicate is counted and dropped, samples and
/// events no session took are kept unassigned for engineers; a controller <see cref="ControllerAdmission"/> refuses is
/// counted, not stored. Its acknowledgement waits for the commit.
/// Every sample and event is first judged by <see cref="ControllerSequences"/>: a redelivered one is
/// counted and dropped whether or not a session is open (the sessions' own windows catch those that
/// come after a restart), and a boot/seq collision (a restarted controller reusing its boot id) is logged and counted, never
/// taken for duplicates.
/// </summary>
internal sealed partial class ControllerMessageRouter(
    SessionRegistry sessions,
    PendingBatch pending,
    IngestMetrics metrics,
    IDuplicateMessageCounter duplicates,
    ILogger<ControllerMessageRouter> logger,
    ControllerAdmission admission)
{
    private readonly ControllerSequences _sequences = new();
    private readonly SequenceGaps _gaps = new();

    /// <summary>Each controller's last stored message at the writer's start, from which gaps are counted.</summary>
    public void ContinueAfter(IEnumerable<MessageKey> stored) => _gaps.ContinueAfter(stored);

    public void Handle(ControllerMessage message)
    {
        var receivedAt = Instants.ToStored(message.ReceivedAt);
        if (!admission.Admit(message.ControllerId, receivedAt))
        {
            // Neither configured, known nor under the auto-registration limit: counted and shown to engineers, not stored.
            metrics.RefusedController();
            pending.AcknowledgeAfterCommit(message.Acknowledgement);
            return;
        }

        if (message.Site is { } site)
        {
            pending.NoteSite(message.ControllerId, site);
        }

        switch (message)
        {
            case DeviceTelemetry telemetry:
                metrics.Message(IngestKind.Telemetry);
                HandleTelemetry(telemetry, receivedAt, Judge(telemetry.Sample.Key, telemetry.Sample.Timestamp, message.Site));
                break;
            case ControllerEventReceived controllerEvent:
                metrics.Message(IngestKind.Event);
                NoteSetpoint(controllerEvent.Event);
                HandleInput(message, new DeviceEventReceived(receivedAt, controllerEvent.Event), keepUnassigned: true, Judge(controllerEvent.Event.Key, controllerEvent.Event.Timestamp, message.Site));
                break;
            case DeviceHello hello:
                metrics.Message(IngestKind.Hello);
                pending.AddSighting(new ControllerSighting(hello.Hello, receivedAt));
                sessions.NoteHello(hello.Hello);
                HandleInput(message, new InputHello(receivedAt, hello.Hello), keepUnassigned: false, SequenceVerdict.New);
                break;
            case ControllerPresenceChanged presence:
                metrics.Message(IngestKind.Presence);
                pending.NotePresence(new ControllerPresenceNote(message.ControllerId, message.Site, presence.Online, message.ReceivedAt));
                SessionInput input = presence.Online ? new ControllerCameOnline(receivedAt) : new ControllerWentOffline(receivedAt);
                if (sessions.TryCurrent(message.ControllerId, out var linked))
                {
                    linked.LinkChanged(presence.Online, receivedAt);
                }

                HandleInput(message, input, keepUnassigned: false, SequenceVerdict.New);
                break;
        }

        pending.AcknowledgeAfterCommit(message.Acknowledgement);
    }

    /// <summary>A SETPOINT is kept for its controller, whichever session (if any) takes it.</summary>
    private void NoteSetpoint(ControllerEvent e)
    {
        if (e.Kind == ControllerEventKind.Setpoint && SetpointDetail.TryParse(e.Detail, out var setpoint))
        {
            var report = new ControllerSetpointReport(e.ControllerId, setpoint, e.Timestamp);
            if (sessions.NoteSetpoint(report))
            {
                pending.AddSetpoint(report);
            }
        }
    }

    private SequenceVerdict Judge(MessageKey key, DateTimeOffset ts, string? site)
    {
        var verdict = _sequences.Judge(key, ts);
        if (verdict == SequenceVerdict.Collision)
        {
            metrics.SequenceCollision();
            LogSequenceCollision(logger, key.ControllerId, key.Boot, key.Seq);
            _gaps.Restarted(key);
        }
        else if (verdict == SequenceVerdict.New && _gaps.Kept(key) is > 0 and var missing)
        {
            metrics.SequenceGap(missing);
            LogSequenceGap(logger, key.ControllerId, site ?? "serial", missing, key.Boot, key.Seq - missing, key.Seq - 1);
        }

        return verdict;
    }

    private void HandleTelemetry(DeviceTelemetry message, DateTimeOffset receivedAt, SequenceVerdict verdict)
    {
        if (verdict == SequenceVerdict.Duplicate)
        {
            duplicates.Duplicate(message.Transport);
            return;
        }

        var sample = message.Sample;
        pending.NoteReading(sample, receivedAt, message.Transport);
        if (sessions.TryCurrent(sample.ControllerId, out var live))
        {
            var outcome = live.Session.ApplyTelemetry(sample, receivedAt);
            if (outcome.Disposition != InputDisposition.Duplicate)
            {
                live.HeardFromController(sample.Boot, sample.Seq, sample.Timestamp, receivedAt);
            }

            if (outcome.IsAccepted)
            {
                pending.AddTelemetry(sample, receivedAt, live);
                return;
            }

            if (outcome.Disposition == InputDisposition.Duplicate)
            {
                duplicates.Duplicate(message.Transport);
                return;
            }
        }

        // No session took it: kept for engineers (a copy redelivered after a restart is ignored by the store's key).
        metrics.Unassigned();
        pending.AddTelemetry(sample, receivedAt, null);
    }

    private void HandleInput(ControllerMessage message, SessionInput input, bool keepUnassigned, SequenceVerdict verdict)
    {
        if (verdict == SequenceVerdict.Duplicate)
        {
            duplicates.Duplicate(message.Transport);
            return;
        }

        if (sessions.TryCurrent(message.ControllerId, out var live))
        {
            var outcome = live.Session.Apply(input);
            if (input is DeviceEventReceived { Event: var e } && outcome.Disposition != InputDisposition.Duplicate)
            {
                live.HeardFromController(e.Boot, e.Seq, e.Timestamp, input.ReceivedAt);
            }

            if (outcome.IsAccepted)
            {
                pending.AddInput(live, message.ControllerId, input);
                return;
            }

            if (outcome.Disposition == InputDisposition.Duplicate)
            {
                duplicates.Duplicate(message.Transport);
                return;
            }
        }

        if (keepUnassigned)
        {
            pending.AddInput(null, message.ControllerId, input);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Controller {ControllerId} reused boot {Boot:x8} and counts again from seq {Seq}: taken as a new sequence, not as duplicates (a controller should draw a new boot id at each power-on)")]
    private static partial void LogSequenceCollision(ILogger logger, string controllerId, uint boot, uint seq);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Controller {ControllerId} (site {Site}): {Missing} message(s) never arrived (boot {Boot:x8}, seq {From}..{To}): lost at the broker or on the link")]
    private static partial void LogSequenceGap(ILogger logger, string controllerId, string site, uint missing, uint boot, uint from, uint to);
}
