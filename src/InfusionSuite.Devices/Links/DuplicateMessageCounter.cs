using InfusionSuite.Application.Controllers;
using InfusionSuite.Devices.Protocol;

namespace InfusionSuite.Devices.Links;

/// <summary>The Application's duplicate count, on the CCP/1 meter's <see cref="CcpMetrics.DuplicateName"/>.</summary>
internal sealed class DuplicateMessageCounter(CcpMetrics metrics) : IDuplicateMessageCounter
{
    public void Duplicate(CcpTransport transport) => metrics.Duplicate(transport);
}
