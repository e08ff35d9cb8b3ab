using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Domain.Sessions;

/// <summary>Minimum, mean and maximum of one sensor over the cap-on samples; nulls when none.</summary>
/// <param name="Mean">Exact mean in °C (decimal), not rounded.</param>
public sealed record TemperatureSummary(Temperature? Min, Temperature? Max, decimal? Mean, int Samples)
{
    public static TemperatureSummary Empty { get; } = new(null, null, null, 0);
}
