using InfusionSuite.Application.Controllers;
using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Domain.Sessions.Inputs;
using DeviceHello = InfusionSuite.Application.Controllers.ControllerHelloReceived;
using DeviceTelemetry = InfusionSuite.Application.Controllers.TelemetryReceived;
using InputHello = InfusionSuite.Domain.Sessions.Inputs.ControllerHelloReceived;

namespace InfusionSuite.Application.Ingest;

/// <summary>
/// Takes one controller message into its controller's current session and the pending batch:
/// what the session accepts is stored with it, a duplicate is counted and dropped, samples and
/// events no session took are kept unassigned for engineers. Its acknowledgement waits for the commit.
/// </summary>
internal sealed class ControllerMessageRouter(
    SessionRegistry sessions,
    PendingBatch pending,
    IngestMetrics metrics,
    IDuplicateMessageCounter duplicates)
{
    public void Handle(ControllerMessage message)
    {
        var receivedAt = Instants.ToStored(message.ReceivedAt);
        switch (message)
        {
            case DeviceTelemetry telemetry:
                metrics.Message(IngestKind.Telemetry);
                HandleTelemetry(telemetry, receivedAt);
                break;
            case ControllerEventReceived controllerEvent:
                metrics.Message(IngestKind.Event);
                NoteSetpoint(controllerEvent.Event);
                HandleInput(message, new DeviceEventReceived(receivedAt, controllerEvent.Event), keepUnassigned: true);
                break;
            case DeviceHello hello:
                metrics.Message(IngestKind.Hello);
                pending.AddSighting(new ControllerSighting(hello.Hello, receivedAt));
                sessions.NoteHello(hello.Hello);
                HandleInput(message, new InputHello(receivedAt, hello.Hello), keepUnassigned: false);
                break;
            case ControllerPresenceChanged presence:
                metrics.Message(IngestKind.Presence);
                SessionInput input = presence.Online ? new ControllerCameOnline(receivedAt) : new ControllerWentOffline(receivedAt);
                HandleInput(message, input, keepUnassigned: false);
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

    private void HandleTelemetry(DeviceTelemetry message, DateTimeOffset receivedAt)
    {
        var sample = message.Sample;
        if (sessions.TryCurrent(sample.ControllerId, out var live))
        {
            var outcome = live.Session.ApplyTelemetry(sample, receivedAt);
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

        // No session took it: kept for engineers (a redelivered copy is ignored by the store's key).
        metrics.Unassigned();
        pending.AddTelemetry(sample, receivedAt, null);
    }

    private void HandleInput(ControllerMessage message, SessionInput input, bool keepUnassigned)
    {
        if (sessions.TryCurrent(message.ControllerId, out var live))
        {
            var outcome = live.Session.Apply(input);
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
}
