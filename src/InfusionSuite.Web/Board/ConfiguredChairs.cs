using InfusionSuite.Application.Ports;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Web.Board;

/// <summary>The chairs configured under <c>NurseStation:Chairs</c>: their controllers are always admitted.</summary>
internal sealed class ConfiguredChairs(IOptions<NurseStationOptions> options) : IConfiguredControllers
{
    public IReadOnlyCollection<string> ControllerIds => [.. options.Value.Chairs.Keys];
}
