using InfusionSuite.Application.Ports;

namespace InfusionSuite.Application.Ingest;

/// <summary>No configured controllers (a host without the nurse station): every controller comes in through auto-registration.</summary>
internal sealed class NoConfiguredControllers : IConfiguredControllers
{
    public IReadOnlyCollection<string> ControllerIds => [];
}
