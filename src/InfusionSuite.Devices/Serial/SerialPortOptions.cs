using System.ComponentModel.DataAnnotations;

namespace InfusionSuite.Devices.Serial;

/// <summary>One serial port with a controller on it.</summary>
public sealed class SerialPortOptions
{
    /// <summary>The device path, e.g. a <c>/dev/serial/by-id/…</c> link (stable across replugging).</summary>
    [Required]
    public string Path { get; set; } = string.Empty;

    /// <summary>
    /// When set, only this controller may speak on the port: frames from any other controllerId are
    /// discarded and counted (reason <c>unexpected_controller</c>), with one warning per opening of the port.
    /// </summary>
    [RegularExpression("^[A-Za-z0-9_-]{1,32}$")]
    public string? ExpectedControllerId { get; set; }
}
