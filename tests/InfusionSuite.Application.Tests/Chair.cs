using InfusionSuite.Application.Controllers;
using InfusionSuite.Application.Nursing;
using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Application.Tests;

/// <summary>One controller's messages as the links would queue them, stamped with the test clock.</summary>
internal sealed class Chair(string controllerId, TimeProvider clock)
{
    public const uint Boot = 0x5eed0001;

    public string ControllerId => controllerId;

    public TelemetryReceived Sample(uint seq, MessageAcknowledgement? acknowledgement = null) =>
        new(new TelemetrySample(controllerId, Boot, seq, clock.GetUtcNow(), ControllerState.Cooling,
            new Temperature(-40), new Temperature(160), 620, true, ControllerAlarms.None))
        {
            ControllerId = controllerId,
            Transport = CcpTransport.Mqtt,
            Site = "clinic",
            ReceivedAt = clock.GetUtcNow(),
            Acknowledgement = acknowledgement ?? MessageAcknowledgement.None,
        };

    public ControllerEventReceived Event(uint seq, ControllerEventKind kind, string? detail = null, MessageAcknowledgement? acknowledgement = null) =>
        new(new ControllerEvent(controllerId, Boot, seq, clock.GetUtcNow(), kind, detail))
        {
            ControllerId = controllerId,
            Transport = CcpTransport.Mqtt,
            Site = "clinic",
            ReceivedAt = clock.GetUtcNow(),
            Acknowledgement = acknowledgement ?? MessageAcknowledgement.None,
        };

    public StartSessionRequest Start(string? sessionId = null) => new(
        "nurse-3", controllerId, "course-" + controllerId, "patient-" + controllerId, new ChemoAdministration("ma-1", "96413"),
        RegimenPreset: "Standard", SessionId: sessionId, ConfirmUnheardController: true); // the chair may not have spoken yet: the nurse confirmed it
}
