using System.Text;
using System.Text.Json.Nodes;
using InfusionSuite.Devices.Protocol;
using InfusionSuite.Domain.Controllers;
using InfusionSuite.Simulator.Engine;
using InfusionSuite.Simulator.Scenarios;

namespace InfusionSuite.Simulator.Outputs;

/// <summary>Renders a <see cref="GarbageItem"/> as the bytes a transport sends: built from real CCP/1 frames, then broken in one way.</summary>
public static class GarbageFrames
{
    private const int OversizeLineLength = 200;
    private const int OversizePayloadLength = 1100;

    /// <summary>The serial bytes (a CRLF line, except a truncated one).</summary>
    public static byte[] SerialLine(GarbageItem garbage)
    {
        ArgumentNullException.ThrowIfNull(garbage);
        var line = CcpSerialWriter.Format(Basis(garbage));
        var body = line[1..line.IndexOf('*', StringComparison.Ordinal)];
        var text = garbage.Kind switch
        {
            GarbageKind.BadChecksum => $"${body}*{Checksum(body) ^ 0x5A:X2}\r\n",
            GarbageKind.MissingChecksum => $"${body}\r\n",
            GarbageKind.Truncated => line[..(line.Length / 2)],
            GarbageKind.Oversize => Oversize(body),
            _ => line,
        };
        return Encoding.ASCII.GetBytes(text);
    }

    /// <summary>The MQTT payload, sent on the telemetry topic.</summary>
    public static byte[] MqttPayload(GarbageItem garbage)
    {
        ArgumentNullException.ThrowIfNull(garbage);
        var json = CcpJsonWriter.Telemetry(Basis(garbage));
        switch (garbage.Kind)
        {
            case GarbageKind.BadChecksum:
                return "CCT garbage: not JSON"u8.ToArray();
            case GarbageKind.MissingChecksum:
                var withoutSeq = JsonNode.Parse(json)!.AsObject();
                withoutSeq.Remove("seq");
                return Encoding.UTF8.GetBytes(withoutSeq.ToJsonString());
            case GarbageKind.Truncated:
                return json[..(json.Length / 2)];
            case GarbageKind.Oversize:
                var padded = JsonNode.Parse(json)!.AsObject();
                padded["padding"] = new string('x', OversizePayloadLength);
                return Encoding.UTF8.GetBytes(padded.ToJsonString());
            default:
                return json;
        }
    }

    /// <summary>The sample the frame is made from: out of range for <see cref="GarbageKind.OutOfRange"/>, else as sent.</summary>
    private static TelemetrySample Basis(GarbageItem garbage) =>
        garbage.Kind == GarbageKind.OutOfRange
            ? garbage.Basis with { CoolantC = Temperature.FromCelsius(99.9m) }
            : garbage.Basis;

    /// <summary>A line with a correct checksum and fields in form, padded (leading zeros on the flow) past 160 bytes.</summary>
    private static string Oversize(string body)
    {
        var fields = body.Split(',');
        var flow = fields.Length - 3;
        fields[flow] = fields[flow].PadLeft(fields[flow].Length + OversizeLineLength - body.Length, '0');
        var padded = string.Join(',', fields);
        return $"${padded}*{Checksum(padded):X2}\r\n";
    }

    private static byte Checksum(string body) => CcpChecksum.Compute(Encoding.ASCII.GetBytes(body));
}
