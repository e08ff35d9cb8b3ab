using System.ComponentModel.DataAnnotations;

namespace InfusionSuite.Devices.Mqtt;

/// <summary>
/// The MQTT link (CCP/1 section 3). The link is on when the configuration has this section.
/// </summary>
public sealed class MqttLinkOptions
{
    public const string SectionName = "Controllers:Mqtt";

    /// <summary>Broker host name or IP address. Required.</summary>
    [Required]
    public string Host { get; set; } = string.Empty;

    /// <summary>Broker TCP port (default 1883; TLS is used on this same port when <see cref="UseTls"/> is on, e.g. set 8883).</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 1883;

    /// <summary>Topic root; default <c>ccp/v1</c>.</summary>
    [Required]
    [RegularExpression("^[^#+]+$", ErrorMessage = "Root must not contain MQTT wildcards.")]
    public string Root { get; set; } = "ccp/v1";

    /// <summary>Only this site (1–32 of <c>a-z 0-9 -</c>); null for every site (<c>+</c>).</summary>
    [RegularExpression("^[a-z0-9-]{1,32}$")]
    public string? Site { get; set; }

    /// <summary>
    /// Only these sites, one subscription each (1–32 of <c>a-z 0-9 -</c> each): a worker that owns several sites of a
    /// shared PostgreSQL database lists the sites of <c>Storage:Leases:Sites</c> here. Not together with <see cref="Site"/>.
    /// </summary>
    public List<string> Sites { get; set; } = [];

    /// <summary>Must be stable across restarts: the broker keeps the session under this id.</summary>
    [Required]
    [StringLength(64, MinimumLength = 1)]
    public string ClientId { get; set; } = "infusionsuite-links";

    /// <summary>False (the default) keeps the session, so the broker queues QoS 1 messages while the link is down.</summary>
    public bool CleanStart { get; set; }

    /// <summary>How long the broker keeps the session after a disconnect. Default 1 day.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "49710.06:28:15")]
    public TimeSpan SessionExpiry { get; set; } = TimeSpan.FromDays(1);

    /// <summary>User name sent to the broker; none when empty.</summary>
    public string? Username { get; set; }

    /// <summary>
    /// Password sent with <see cref="Username"/> (requires it). Like any setting it can come from the
    /// environment (<c>Controllers__Mqtt__Password</c>) instead of the settings file; or see <see cref="PasswordFile"/>.
    /// </summary>
    public string? Password { get; set; }

    /// <summary>
    /// A file whose content is the password (one trailing line break ignored), e.g. a systemd
    /// credential or a container secret; read at each connect. Not together with <see cref="Password"/>.
    /// </summary>
    public string? PasswordFile { get; set; }

    /// <summary>Connect to the broker over TLS, validating its certificate (default off).</summary>
    public bool UseTls { get; set; }

    /// <summary>
    /// PEM file of the certificate authorities that sign the broker's certificate (a hospital's private
    /// CA); the broker is then trusted through these only. None: the system's trust store. Needs <see cref="UseTls"/>.
    /// </summary>
    public string? CaCertificateFile { get; set; }

    /// <summary>
    /// PEM file of this service's client certificate, for brokers that require one (mutual TLS).
    /// Needs <see cref="UseTls"/> and <see cref="ClientKeyFile"/>.
    /// </summary>
    public string? ClientCertificateFile { get; set; }

    /// <summary>PEM file of the client certificate's private key (unencrypted PKCS#8 or RSA/EC key; keep it readable by the service only).</summary>
    public string? ClientKeyFile { get; set; }

    /// <summary>Accept any broker certificate. For tests only, never in a clinic.</summary>
    public bool AllowUntrustedCertificates { get; set; }

    /// <summary>
    /// MQTT 5 Receive Maximum: how many QoS 1 messages the broker sends before it waits for an
    /// acknowledgement. Bounds what is in flight between the broker and storage.
    /// </summary>
    [Range(1, 65535)]
    public int ReceiveMaximum { get; set; } = 100;

    /// <summary>MQTT keep-alive period sent to the broker; the link also pings it this often and reconnects when a ping fails (default 15 s).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>First wait after a failed connect; doubles per failure up to <see cref="ReconnectDelayMax"/> and resets once connected (default 1 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan ReconnectDelayMin { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between connect attempts (default 30 s); not shorter than <see cref="ReconnectDelayMin"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan ReconnectDelayMax { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the link checks that it is still connected.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan ConnectionCheckInterval { get; set; } = TimeSpan.FromSeconds(1);
}
