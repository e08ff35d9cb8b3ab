using InfusionSuite.Domain.Controllers;
using InfusionSuite.Simulator.Engine;

namespace InfusionSuite.Simulator.Outputs;

/// <summary>Where one simulated controller's frames go: MQTT, a serial port, a stream, or memory (tests).</summary>
public interface IControllerOutput : IAsyncDisposable
{
    /// <summary>Power-on and reconnect bring the link up (MQTT connect + retained online status; serial open + CCH); periodic is serial CCH only.</summary>
    Task HelloAsync(ControllerHello hello, HelloReason reason, CancellationToken cancellationToken);

    Task TelemetryAsync(TelemetrySample sample, CancellationToken cancellationToken);

    Task EventAsync(ControllerEvent controllerEvent, CancellationToken cancellationToken);

    /// <summary>A malformed frame (<see cref="GarbageFrames"/> renders it for the transport).</summary>
    Task GarbageAsync(GarbageItem garbage, CancellationToken cancellationToken);

    /// <summary>The link goes down: abruptly (Last Will, port closed) or, at shutdown, cleanly.</summary>
    Task OfflineAsync(OfflineReason reason, CancellationToken cancellationToken);

    /// <summary>
    /// Messages this output could not carry so far (the MQTT broker unreachable, a serial write that failed or timed out):
    /// lost, unlike those a <c>--cut-off</c> stores and uploads. The display counts them apart from what each chair sent.
    /// </summary>
    int Undelivered { get; }
}
