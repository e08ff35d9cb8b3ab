using System.Diagnostics.Metrics;
using InfusionSuite.Application.Controllers;
using InfusionSuite.Application.Metrics;
using InfusionSuite.Devices.Protocol;

namespace InfusionSuite.Devices.Links;

/// <summary>
/// The one link counter the codec's <see cref="CcpMetrics"/> has no reason for: serial frames
/// discarded because another controller than the port's expected one sent them. Same meter; reported
/// from the start, 0 before the first such frame.
/// </summary>
public sealed class LinkMetrics
{
    public const string UnexpectedControllerName = "ccp.frames.unexpected_controller";

    private readonly CountSinceStart _unexpectedController;

    public LinkMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(CcpMetrics.MeterName);
        _unexpectedController = new CountSinceStart(
            meter, UnexpectedControllerName, "{frame}", "Serial frames from a controller other than the one configured for the port",
            CcpMetrics.Transports[(int)CcpTransport.Serial]);
    }

    public void UnexpectedController() => _unexpectedController.Add();
}
