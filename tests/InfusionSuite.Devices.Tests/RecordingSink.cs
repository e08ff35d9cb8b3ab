using InfusionSuite.Devices.Protocol;
using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Devices.Tests;

/// <summary>Keeps what a <see cref="CcpSerialReader"/> hands on, in order.</summary>
internal sealed class RecordingSink : ICcpMessageSink
{
    public List<object> Messages { get; } = [];

    public List<string> HelloNeeded { get; } = [];

    public IEnumerable<TelemetrySample> Telemetry => Messages.OfType<TelemetrySample>();

    public IEnumerable<ControllerEvent> Events => Messages.OfType<ControllerEvent>();

    public void OnHello(ControllerHello hello) => Messages.Add(hello);

    public void OnTelemetry(in TelemetrySample sample) => Messages.Add(sample);

    public void OnEvent(ControllerEvent controllerEvent) => Messages.Add(controllerEvent);

    public void OnHelloNeeded(string controllerId) => HelloNeeded.Add(controllerId);
}
