using System.ComponentModel.DataAnnotations;

namespace InfusionSuite.Devices.Serial;

/// <summary>The serial links (CCP/1 section 2): one reader per configured port.</summary>
public sealed class SerialLinkOptions
{
    public const string SectionName = "Controllers:Serial";

    /// <summary>The ports to read, one link each.</summary>
    public List<SerialPortOptions> Ports { get; set; } = [];

    /// <summary>Line speed in bit/s for every port (8 data bits, no parity, 1 stop bit; default 115200).</summary>
    [Range(1200, 4_000_000)]
    public int BaudRate { get; set; } = 115200;

    /// <summary>A write that takes longer counts as a lost port (a write to a vanished port can block forever).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan WriteTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>First wait before reopening a lost port; doubles up to <see cref="ReopenDelayMax"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan ReopenDelayMin { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between attempts to reopen a lost port (default 30 s); not shorter than <see cref="ReopenDelayMin"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan ReopenDelayMax { get; set; } = TimeSpan.FromSeconds(30);
}
