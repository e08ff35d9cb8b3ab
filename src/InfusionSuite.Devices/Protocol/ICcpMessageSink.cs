using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Devices.Protocol;

/// <summary>Receives the typed messages a <see cref="CcpSerialReader"/> reads, boot filled in.</summary>
public interface ICcpMessageSink
{
    void OnHello(ControllerHello hello);

    void OnTelemetry(in TelemetrySample sample);

    void OnEvent(ControllerEvent controllerEvent);

    /// <summary>
    /// A frame came from a controller whose boot the reader does not know (no CCH since the port
    /// opened, or its seq went back without a CCH, so it probably restarted): the link should send
    /// <see cref="CcpSerialWriter.Query"/>, not more often than it chooses. Its frames are held meanwhile.
    /// Called for every such frame.
    /// </summary>
    void OnHelloNeeded(string controllerId);
}
