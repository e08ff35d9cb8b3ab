using System.ComponentModel.DataAnnotations;

namespace InfusionSuite.Application.Configuration;

/// <summary>One configured regimen preset (<c>Sessions:Presets:N</c>).</summary>
public sealed class RegimenPresetOptions
{
    /// <summary>The name nurses pick the preset by. Required.</summary>
    [Required]
    public string Name { get; set; } = string.Empty;

    /// <summary>Pre-cooling target in minutes; must lie within <c>MinimumTarget</c>..<c>MaximumTarget</c>.</summary>
    public int PreCoolingMinutes { get; set; }

    /// <summary>Post-cooling target in minutes; must lie within <c>MinimumTarget</c>..<c>MaximumTarget</c>.</summary>
    public int PostCoolingMinutes { get; set; }
}
