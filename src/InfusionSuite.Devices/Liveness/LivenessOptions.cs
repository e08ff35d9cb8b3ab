using System.ComponentModel.DataAnnotations;

namespace InfusionSuite.Devices.Liveness;

/// <summary>CCP/1 section 4: when a silent controller counts as offline.</summary>
public sealed class LivenessOptions
{
    public const string SectionName = "Controllers:Liveness";

    /// <summary>A controller from which nothing came for this long is offline. Default 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan OfflineAfter { get; set; } = TimeSpan.FromSeconds(10);
}
