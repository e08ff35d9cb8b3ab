namespace InfusionSuite.Domain.Sessions;

/// <summary>A named, site-configurable pair of targets offered when a nurse starts a session.</summary>
public sealed record RegimenPreset(string Name, RegimenTargets Targets)
{
    /// <summary>Presets seen in practice (docs/clinical-rules.md); a site replaces or extends them.</summary>
    public static IReadOnlyList<RegimenPreset> Defaults { get; } =
    [
        new("Standard", RegimenTargets.FromMinutes(30, 90)),
        new("Standard, thick hair", RegimenTargets.FromMinutes(45, 90)),
        new("Docetaxel q3w, short", RegimenTargets.FromMinutes(30, 20)),
        new("Docetaxel q3w", RegimenTargets.FromMinutes(30, 45)),
        new("Paclitaxel weekly 90 mg/m2", RegimenTargets.FromMinutes(30, 60)),
        new("Paclitaxel q3w 175 mg/m2", RegimenTargets.FromMinutes(30, 90)),
        new("Anthracycline", RegimenTargets.FromMinutes(30, 90)),
    ];
}
