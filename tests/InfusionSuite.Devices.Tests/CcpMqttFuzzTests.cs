using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using InfusionSuite.Devices.Protocol;
using static InfusionSuite.Devices.Tests.CcpJsonCases;

namespace InfusionSuite.Devices.Tests;

/// <summary>
/// Mutated payloads checked against a strict oracle (UTF-8 validation plus System.Text.Json's own
/// document parser refusing duplicate names): whatever the parser accepts is strict JSON whose known
/// members have their JSON type and the values read; whatever only changed unknown members is accepted.
/// </summary>
public sealed class CcpMqttFuzzTests
{
    private const int CasesPerSeed = 4000;

    private static readonly JsonDocumentOptions s_strict = new() { AllowDuplicateProperties = false, MaxDepth = 1024 };

    private static readonly string[] s_names = ["a", "b", "note", "seq", "boot", "capConnected", "online", "alarms"];

    private static readonly string[] s_strings =
        ["\"\"", "\"true\"", "\"Zürich ✓\"", "\"\\u00e9\\\"\"", "\"COOLING\"", "\"«FF»\"", "\"«C3»\"", "\"𝄞\""];

    private static readonly string[] s_bytes = ["{", "}", "[", "]", ",", ":", "\"", "\\", "0", ".", "-", "e", "t", "n", " ", "«FF»", "«C3»", "é"];

    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 24)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void MutatedPayloads_AgreeWithAStrictJsonOracle(int seed)
    {
        var random = new Random(seed);
        var parser = new CcpMqttParser();
        (string Topic, (string Name, string Value, char Type)[] Members)[] kinds =
            [(TelemetryTopic, Telemetry), (EventTopic, Event), (StatusTopic, Status)];
        var accepted = 0;
        for (var i = 0; i < CasesPerSeed; i++)
        {
            var (topic, members) = kinds[random.Next(kinds.Length)];
            var (bytes, knownUntouched) = Mutate(random, members);
            var payload = random.Next(3) == 0 ? Segmented(bytes, random.Next(1, 16)) : Sequence(bytes);
            var result = parser.Parse(topic, payload, out var message);

            var oracle = Strict(bytes);
            var because = $"seed {seed} case {i}: {Encoding.Latin1.GetString(bytes)}";
            if (bytes.Length > CcpJsonWriter.MaxPayloadLength)
            {
                Assert.True(result == CcpRejection.Oversize, because);
            }
            else if (!Utf8.IsValid(bytes))
            {
                Assert.True(result == CcpRejection.NotJson, because);
            }
            else if (oracle is null)
            {
                Assert.True(result != CcpRejection.None, because);
            }
            else if (knownUntouched)
            {
                Assert.True(result == CcpRejection.None, because + " → " + result);
            }

            if (result == CcpRejection.None)
            {
                accepted++;
                Assert.True(oracle is not null, because);
                AssertReadAsTheOracle(oracle!.RootElement, members, message, because);
            }

            oracle?.Dispose();
        }

        Assert.InRange(accepted, CasesPerSeed / 10, CasesPerSeed - 1);
    }

    private static JsonDocument? Strict(byte[] bytes)
    {
        if (!Utf8.IsValid(bytes))
        {
            return null;
        }

        try
        {
            var document = JsonDocument.Parse(bytes, s_strict);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void AssertReadAsTheOracle(JsonElement root, (string Name, string Value, char Type)[] members, CcpMqttMessage message, string because)
    {
        foreach (var (name, _, type) in members)
        {
            if (!root.TryGetProperty(name, out var value))
            {
                continue;
            }

            var kind = type switch { 'S' => JsonValueKind.String, 'N' => JsonValueKind.Number, 'B' => JsonValueKind.True, _ => JsonValueKind.Array };
            var matches = value.ValueKind == kind || (kind == JsonValueKind.True && value.ValueKind == JsonValueKind.False)
                || (value.ValueKind == JsonValueKind.Null && name is "scalpC" or "detail");
            Assert.True(matches, because + $" ({name} is {value.ValueKind})");
            switch (name)
            {
                case "capConnected":
                    Assert.True(message.Telemetry.CapConnected == value.GetBoolean(), because);
                    break;
                case "online":
                    Assert.True(message.Online == value.GetBoolean(), because);
                    break;
                case "seq":
                    Assert.True((message.Kind == CcpMessageKind.Event ? message.Event!.Seq : message.Telemetry.Seq) == value.GetUInt32(), because);
                    break;
                case "flowMlMin":
                    Assert.True(message.Telemetry.FlowMlMin == value.GetUInt16(), because);
                    break;
            }
        }
    }

    /// <summary>One to three mutations; whether every known member kept its value (only unknown ones changed).</summary>
    private static (byte[] Bytes, bool KnownUntouched) Mutate(Random random, (string Name, string Value, char Type)[] members)
    {
        var list = members.Select(m => (m.Name, m.Value)).ToList();
        var untouched = true;
        var raw = 0;
        for (var m = random.Next(1, 4); m > 0; m--)
        {
            switch (random.Next(6))
            {
                case 0: // a value of another (or the same) JSON type
                    var at = random.Next(list.Count);
                    list[at] = (list[at].Name, Values[random.Next(Values.Length)].Value);
                    untouched = false;
                    break;
                case 1: // a member given twice
                    var twice = list[random.Next(list.Count)];
                    list.Insert(random.Next(list.Count + 1), random.Next(2) == 0 ? twice : (twice.Name, Value(random, 0)));
                    untouched = false;
                    break;
                case 2: // a member dropped
                    list.RemoveAt(random.Next(list.Count));
                    untouched = false;
                    break;
                case 3 or 4: // an unknown member, any shape
                    list.Insert(random.Next(list.Count + 1), ($"x{random.Next(4)}", Value(random, 0)));
                    break;
                default: // a byte of JSON syntax, text or invalid UTF-8 somewhere (once the members are written)
                    raw++;
                    untouched = false;
                    break;
            }
        }

        var bytes = Bytes(Json(list)).ToList();
        for (; raw > 0; raw--)
        {
            var where = random.Next(bytes.Count);
            bytes.RemoveRange(where, random.Next(2));
            bytes.InsertRange(where, Bytes(s_bytes[random.Next(s_bytes.Length)]));
        }

        return ([.. bytes], untouched);
    }

    private static string Value(Random random, int depth) => random.Next(depth > 4 ? 5 : 8) switch
    {
        0 => "null",
        1 => random.Next(2) == 0 ? "true" : "false",
        2 => random.Next(3) switch { 0 => "-12.5e3", 1 => "0", _ => "1042" },
        3 or 4 => s_strings[random.Next(s_strings.Length)],
        5 => "[" + string.Join(",", Enumerable.Range(0, random.Next(4)).Select(_ => Value(random, depth + 1))) + "]",
        _ => "{" + string.Join(",", Enumerable.Range(0, random.Next(4))
            .Select(_ => $"\"{s_names[random.Next(s_names.Length)]}\":{Value(random, depth + 1)}")) + "}",
    };
}
