using System.Buffers;
using System.Globalization;
using System.Text;

namespace InfusionSuite.Devices.Tests;

/// <summary>
/// Builds CCP/1 MQTT payloads member by member for data-driven parser tests. In case text,
/// <c>«FF»</c> stands for the raw byte 0xFF (so invalid UTF-8 can be written); everything else is UTF-8.
/// </summary>
internal static class CcpJsonCases
{
    public const string TelemetryTopic = "ccp/v1/north-wing/CHAIR-07/telemetry";
    public const string EventTopic = "ccp/v1/north-wing/CHAIR-07/event";
    public const string StatusTopic = "ccp/v1/north-wing/CHAIR-07/status";

    /// <summary>The spec's telemetry payload: each member with its value and JSON type.</summary>
    public static readonly (string Name, string Value, char Type)[] Telemetry =
    [
        ("boot", "\"9f3a61c2\"", 'S'), ("seq", "1042", 'N'), ("ts", "\"2026-11-27T09:14:03.250Z\"", 'S'),
        ("state", "\"COOLING\"", 'S'), ("coolantC", "-3.8", 'N'), ("scalpC", "17.6", 'N'), ("flowMlMin", "620", 'N'),
        ("capConnected", "true", 'B'), ("alarms", "[]", 'A'),
    ];

    /// <summary>The spec's CALIBRATED event payload.</summary>
    public static readonly (string Name, string Value, char Type)[] Event =
    [
        ("boot", "\"9f3a61c2\"", 'S'), ("seq", "1044", 'N'), ("ts", "\"2026-11-27T09:14:05.000Z\"", 'S'),
        ("event", "\"CALIBRATED\"", 'S'), ("detail", "\"M\"", 'S'),
    ];

    /// <summary>The spec's online status payload.</summary>
    public static readonly (string Name, string Value, char Type)[] Status =
    [
        ("online", "true", 'B'), ("boot", "\"9f3a61c2\"", 'S'), ("model", "\"SIM-1\"", 'S'),
        ("firmware", "\"1.0.0\"", 'S'), ("protocol", "1", 'N'),
    ];

    /// <summary>Values of every JSON type, some of them looking like another type's ("true", "1").</summary>
    public static readonly (string Value, char Type)[] Values =
    [
        ("\"true\"", 'S'), ("\"false\"", 'S'), ("\"1\"", 'S'), ("\"0\"", 'S'), ("\"\"", 'S'), ("\"-3.8\"", 'S'),
        ("true", 'B'), ("false", 'B'), ("1", 'N'), ("0", 'N'), ("-3.8", 'N'), ("[]", 'A'), ("[true]", 'A'),
        ("[\"FLOW_LOW\"]", 'A'), ("{}", 'O'), ("{\"value\":true}", 'O'), ("null", 'Z'),
    ];

    public static string Json(IEnumerable<(string Name, string Value)> members) =>
        "{" + string.Join(",", members.Select(m => $"\"{m.Name}\":{m.Value}")) + "}";

    public static string Json((string Name, string Value, char Type)[] members) => Json(members.Select(m => (m.Name, m.Value)));

    /// <summary>The payload with one member's value replaced.</summary>
    public static string With((string Name, string Value, char Type)[] members, string name, string value) =>
        Json(members.Select(m => (m.Name, m.Name == name ? value : m.Value)));

    /// <summary>The payload with extra members inserted after the first.</summary>
    public static string Inserting((string Name, string Value, char Type)[] members, string extra)
    {
        var json = Json(members);
        var comma = json.IndexOf(',', StringComparison.Ordinal);
        return json[..(comma + 1)] + extra + "," + json[(comma + 1)..];
    }

    /// <summary>Case text to payload bytes: UTF-8, with each <c>«XX»</c> the raw byte XX.</summary>
    public static byte[] Bytes(string text)
    {
        var bytes = new List<byte>();
        var parts = text.Split('«');
        bytes.AddRange(Encoding.UTF8.GetBytes(parts[0]));
        foreach (var part in parts.Skip(1))
        {
            bytes.Add(byte.Parse(part.AsSpan(0, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            bytes.AddRange(Encoding.UTF8.GetBytes(part[3..]));
        }

        return [.. bytes];
    }

    public static ReadOnlySequence<byte> Sequence(byte[] bytes) => new(bytes);

    /// <summary>The bytes as a chain of segments of <paramref name="size"/> bytes (as MQTTnet may hand them over).</summary>
    public static ReadOnlySequence<byte> Segmented(byte[] bytes, int size)
    {
        var first = new Segment(bytes.AsMemory(0, Math.Min(size, bytes.Length)), 0);
        var last = first;
        for (var i = size; i < bytes.Length; i += size)
        {
            last = last.Append(bytes.AsMemory(i, Math.Min(size, bytes.Length - i)));
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
