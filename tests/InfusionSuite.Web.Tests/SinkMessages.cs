using InfusionSuite.Application.Controllers;
using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Web.Tests;

/// <summary>CCP/1 messages as the MQTT link hands them to the writer (site <c>clinic</c>, nothing to acknowledge), for tests that write to the sink directly.</summary>
internal static class SinkMessages
{
    public static TelemetryReceived Telemetry(TelemetrySample sample, DateTimeOffset receivedAt) =>
        new(sample)
        {
            ControllerId = sample.ControllerId,
            Transport = CcpTransport.Mqtt,
            Site = "clinic",
            ReceivedAt = receivedAt,
            Acknowledgement = MessageAcknowledgement.None,
        };

    public static ControllerEventReceived Event(ControllerEvent controllerEvent, DateTimeOffset receivedAt) =>
        new(controllerEvent)
        {
            ControllerId = controllerEvent.ControllerId,
            Transport = CcpTransport.Mqtt,
            Site = "clinic",
            ReceivedAt = receivedAt,
            Acknowledgement = MessageAcknowledgement.None,
        };
}
