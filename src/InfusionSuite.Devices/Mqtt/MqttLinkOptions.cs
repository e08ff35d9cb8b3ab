using System.ComponentModel.DataAnnotations;

namespace InfusionSuite.Devices.Mqtt;

/// <summary>
/// The MQTT link (CCP/1 section 3). The link is on when the configuration has this section.
/// </summary>
public sealed class MqttLinkOptions
{
    public const string SectionName = "Controllers:Mqtt";

    [Required]
    public string Host { get; set; } = string.Empty;

    [Range(1, 65535)]
    public int Port { get; set; } = 1883;

    /// <summary>Topic root; default <c>ccp/v1</c>.</summary>
    [Required]
    [RegularExpression("^[^#+]+$", ErrorMessage = "Root must not contain MQTT wildcards.")]
    public string Root { get; set; } = "ccp/v1";

    /// <summary>Only this site (1–32 of <c>a-z 0-9 -</c>); null for every site (<c>+</c>).</summary>
    [RegularExpression("^[a-z0-9-]{1,32}$")]
    public string? Site { get; set; }

    /// <summary>Must be stable across restarts: the broker keeps the session under this id.</summary>
    [Required]
    [StringLength(64, MinimumLength = 1)]
    public string ClientId { get; set; } = "infusionsuite-links";

    /// <summary>False (the default) keeps the session, so the broker queues QoS 1 messages while the link is down.</summary>
    public bool CleanStart { get; set; }

    /// <summary>How long the broker keeps the session after a disconnect. Default 1 day.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "49710.06:28:15")]
    public TimeSpan SessionExpiry { get; set; } = TimeSpan.FromDays(1);

    public string? Username { get; set; }

    public string? Password { get; set; }

    public bool UseTls { get; set; }

    /// <summary>Accept any broker certificate. For tests only, never in a clinic.</summary>
    public bool AllowUntrustedCertificates { get; set; }

    /// <summary>
    /// MQTT 5 Receive Maximum: how many QoS 1 messages the broker sends before it waits for an
    /// acknowledgement. Bounds what is in flight between the broker and storage.
    /// </summary>
    [Range(1, 65535)]
    public int ReceiveMaximum { get; set; } = 100;

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(15);

    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan ReconnectDelayMin { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan ReconnectDelayMax { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the link checks that it is still connected.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan ConnectionCheckInterval { get; set; } = TimeSpan.FromSeconds(1);
}
