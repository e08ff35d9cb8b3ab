using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Application.Configuration;

/// <summary>
/// The site's session policy (<c>Sessions:…</c>); unset values keep the domain's defaults.
/// Checked at start with <see cref="SessionPolicy.Problems"/>.
/// </summary>
public sealed class SessionOptions
{
    public const string SectionName = "Sessions";

    public TimeSpan? MinimumTarget { get; set; }

    public TimeSpan? MaximumTarget { get; set; }

    /// <summary>Replaces the default presets when any are given.</summary>
    public List<RegimenPresetOptions> Presets { get; set; } = [];

    public TimeSpan? InterruptionThreshold { get; set; }

    /// <summary>°C above the setpoint still counted as at temperature (one decimal).</summary>
    public decimal? SetpointToleranceC { get; set; }

    public TimeSpan? ClockSkewThreshold { get; set; }

    public TimeSpan? SameMomentWindow { get; set; }

    public SessionPolicy ToPolicy()
    {
        var defaults = SessionPolicy.Default;
        return new SessionPolicy
        {
            MinimumTarget = MinimumTarget ?? defaults.MinimumTarget,
            MaximumTarget = MaximumTarget ?? defaults.MaximumTarget,
            Presets = Presets.Count == 0
                ? defaults.Presets
                : [.. Presets.Select(p => new RegimenPreset(p.Name, RegimenTargets.FromMinutes(p.PreCoolingMinutes, p.PostCoolingMinutes)))],
            InterruptionThreshold = InterruptionThreshold ?? defaults.InterruptionThreshold,
            SetpointTolerance = SetpointToleranceC is { } c ? Temperature.FromCelsius(c) : defaults.SetpointTolerance,
            ClockSkewThreshold = ClockSkewThreshold ?? defaults.ClockSkewThreshold,
            SameMomentWindow = SameMomentWindow ?? defaults.SameMomentWindow,
        };
    }
}
