using System.Diagnostics.Metrics;
using InfusionSuite.Devices.Protocol;

namespace InfusionSuite.Devices.Links;

/// <summary>
/// The one link counter the codec's <see cref="CcpMetrics"/> has no reason for: serial frames
/// discarded because another controller than the port's expected one sent them. Same meter.
/// </summary>
public sealed class LinkMetrics
{
    public const string UnexpectedControllerName = "ccp.frames.unexpected_controller";

    private readonly Counter<long> _unexpectedController;

    public LinkMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(CcpMetrics.MeterName);
        _unexpectedController = meter.CreateCounter<long>(
            UnexpectedControllerName, "{frame}", "Serial frames from a controller other than the one configured for the port");
    }

    public void UnexpectedController() => _unexpectedController.Add(1, new KeyValuePair<string, object?>("transport", "serial"));
}
