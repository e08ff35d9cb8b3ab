using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Devices.Protocol;

/// <summary>Receives the typed messages a <see cref="CcpSerialReader"/> reads, boot filled in.</summary>
public interface ICcpMessageSink
{
    void OnHello(ControllerHello hello);

    void OnTelemetry(in TelemetrySample sample);

    void OnEvent(ControllerEvent controllerEvent);

    /// <summary>
    /// The reader no longer knows this controller's boot (its seq went back without a CCH, so it
    /// probably restarted): the link should send <see cref="CcpSerialWriter.Query"/>. Its frames are
    /// held meanwhile.
    /// </summary>
    void OnHelloNeeded(string controllerId);
}
