using System.ComponentModel.DataAnnotations;

namespace InfusionSuite.Application.Configuration;

/// <summary>One configured regimen preset (<c>Sessions:Presets:N</c>).</summary>
public sealed class RegimenPresetOptions
{
    [Required]
    public string Name { get; set; } = string.Empty;

    public int PreCoolingMinutes { get; set; }

    public int PostCoolingMinutes { get; set; }
}
