using System.Globalization;
using System.Text;
using System.Text.Json;
using InfusionSuite.Devices.Protocol;
using InfusionSuite.Simulator.Engine;
using InfusionSuite.Simulator.Outputs;
using InfusionSuite.Simulator.Scenarios;

namespace InfusionSuite.Simulator.Tests;

public sealed class GarbageFramesTests
{
    private static readonly GarbageItem s_basis = Timelines.Of("garbage").OfType<GarbageItem>().First();

    [Fact]
    public void SerialGarbage_IsBrokenInExactlyTheWayItsKindSays()
    {
        var good = CcpSerialWriter.Format(s_basis.Basis);
        Assert.True(ChecksumMatches(good));

        var bad = Serial(GarbageKind.BadChecksum);
        Assert.EndsWith("\r\n", bad, StringComparison.Ordinal);
        Assert.False(ChecksumMatches(bad));
        Assert.Equal(good[..good.IndexOf('*', StringComparison.Ordinal)], bad[..bad.IndexOf('*', StringComparison.Ordinal)]);

        var missing = Serial(GarbageKind.MissingChecksum);
        Assert.DoesNotContain('*', missing);
        Assert.EndsWith("\r\n", missing, StringComparison.Ordinal);

        var truncated = Serial(GarbageKind.Truncated);
        Assert.StartsWith(truncated, good, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', truncated);

        var oversize = Serial(GarbageKind.Oversize);
        Assert.True(oversize.Length > CcpSerialWriter.MaxLineLength, $"{oversize.Length} bytes");
        Assert.True(ChecksumMatches(oversize));
        Assert.Equal(good.Split(',').Length, oversize.Split(',').Length);

        var outOfRange = Serial(GarbageKind.OutOfRange);
        Assert.True(ChecksumMatches(outOfRange));
        Assert.Equal("99.9", outOfRange.Split(',')[5]);
    }

    [Fact]
    public void MqttGarbage_IsBrokenInExactlyTheWayItsKindSays()
    {
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(Mqtt(GarbageKind.BadChecksum)));
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(Mqtt(GarbageKind.Truncated)));

        using var missing = JsonDocument.Parse(Mqtt(GarbageKind.MissingChecksum));
        Assert.False(missing.RootElement.TryGetProperty("seq", out _));
        Assert.True(missing.RootElement.TryGetProperty("boot", out _));

        var oversize = Mqtt(GarbageKind.Oversize);
        Assert.True(oversize.Length > CcpJsonWriter.MaxPayloadLength);
        using (JsonDocument.Parse(oversize))
        {
        }

        using var outOfRange = JsonDocument.Parse(Mqtt(GarbageKind.OutOfRange));
        Assert.Equal(99.9m, outOfRange.RootElement.GetProperty("coolantC").GetDecimal());
    }

    private static string Serial(GarbageKind kind) => Encoding.ASCII.GetString(GarbageFrames.SerialLine(s_basis with { Kind = kind }));

    private static byte[] Mqtt(GarbageKind kind) => GarbageFrames.MqttPayload(s_basis with { Kind = kind });

    internal static bool ChecksumMatches(string line)
    {
        var star = line.IndexOf('*', StringComparison.Ordinal);
        return line.StartsWith('$') && star > 0 && line.Length >= star + 3
            && byte.Parse(line.AsSpan(star + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)
                == CcpChecksum.Compute(Encoding.ASCII.GetBytes(line[1..star]));
    }
}
