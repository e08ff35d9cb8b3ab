using InfusionSuite.Devices.Protocol;
using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Benchmarks;

/// <summary>The spec's example messages, as the benchmarks feed them.</summary>
internal static class CcpBenchmarkData
{
    public const string TelemetryTopic = "ccp/v1/north-wing/CHAIR-07/telemetry";

    public static readonly TelemetrySample Sample = new(
        "CHAIR-07", 0x9f3a61c2, 1042, new DateTimeOffset(2026, 11, 27, 9, 14, 3, 250, TimeSpan.Zero), ControllerState.Cooling,
        new Temperature(-38), new Temperature(176), 620, true, ControllerAlarms.None);

    public static byte[] TelemetryLine { get; } = "$CCT,CHAIR-07,1042,2026-11-27T09:14:03.250Z,COOLING,-3.8,17.6,620,1,0000*43\r\n"u8.ToArray();

    public static byte[] TelemetryJson { get; } = CcpJsonWriter.Telemetry(Sample);

    /// <summary>A CCH, then <paramref name="count"/> CCT lines with rising seq, as one chunk.</summary>
    public static byte[] Stream(int count, uint firstSeq)
    {
        var text = CcpSerialWriter.Format(new ControllerHello("CHAIR-07", 0x9f3a61c2, "SIM-1", "1.0.0", 1));
        var lines = Enumerable.Range(0, count).Select(i => CcpSerialWriter.Format(Sample with { Seq = firstSeq + (uint)i }));
        return System.Text.Encoding.ASCII.GetBytes(text + string.Concat(lines));
    }

}
