using CsCheck;
using InfusionSuite.Devices.Protocol;
using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Devices.Tests;

/// <summary>Generated lines: round trips, and mutations that are either discarded or read as exactly what they say.</summary>
public sealed class CcpPropertyTests
{
    private const string IdChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private const string MutationChars = "0123456789ABCDEFXYZabcfx-_.,*$: \r\n\t";

    private static readonly Gen<string> s_id = Gen.String[Gen.Char[IdChars], 1, 32];

    private static readonly Gen<DateTimeOffset> s_ts =
        Gen.Long[new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), new DateTimeOffset(2099, 12, 31, 23, 59, 59, TimeSpan.Zero).ToUnixTimeMilliseconds()]
            .Select(DateTimeOffset.FromUnixTimeMilliseconds);

    private static readonly Gen<TelemetrySample> s_telemetry = Gen.Select(
        s_id, Gen.UInt, s_ts, Gen.Enum<ControllerState>(), Gen.Short[-100, 400], Gen.Select(Gen.Int[0, 4], Gen.Short[-50, 400], (none, scalp) => none == 0 ? (short?)null : scalp), Gen.UShort[0, 2000],
        Gen.Select(Gen.Bool, Gen.UShort),
        (id, seq, ts, state, coolant, scalp, flow, rest) => new TelemetrySample(
            id, 0, seq, ts, state, new Temperature(coolant), scalp is { } s ? new Temperature(s) : null, flow, rest.Item1, (ControllerAlarms)rest.Item2));

    private static readonly Gen<ControllerEvent> s_event = Gen.Select(s_id, Gen.UInt, s_ts, Gen.Enum<ControllerEventKind>(), Gen.Short[-100, 400], Gen.Int[0, 4],
        (id, seq, ts, kind, setpoint, pick) => new ControllerEvent(id, 0, seq, ts, kind, kind switch
        {
            ControllerEventKind.Calibrated => new[] { "XS", "S", "M", "L", "XL" }[pick],
            ControllerEventKind.Setpoint => new Temperature(setpoint).ToString(),
            ControllerEventKind.Fault => new[] { "E1", "PUMP_STALL", "X", "E_1234567890ABCD", "0" }[pick],
            _ => null,
        }));

    private static readonly Gen<ControllerHello> s_hello = Gen.Select(s_id, Gen.UInt, Gen.String[Gen.Char[' ', '~'], 1, 32], Gen.String[Gen.Char["0123456789.-abc"], 1, 32], Gen.Int[1, 99],
        (id, boot, model, firmware, protocol) => new ControllerHello(id, boot, Clean(model), firmware, protocol));

    private static readonly Gen<byte[]> s_validLine = Gen.OneOf(
        s_telemetry.Select(t => Lines.Bytes(CcpSerialWriter.Format(t))),
        s_event.Select(e => Lines.Bytes(CcpSerialWriter.Format(e))),
        s_hello.Select(h => Lines.Bytes(CcpSerialWriter.Format(h))));

    /// <summary>1–3 edits (replace, insert, delete), then, half of the time, a checksum made right again.</summary>
    private static readonly Gen<byte[]> s_mutatedLine = Gen.Select(
        s_validLine, Gen.Int[1, 3].SelectMany(n => Gen.Select(Gen.Int[0, 2], Gen.Int[0, 200], Gen.Char[MutationChars], Gen.Byte).Array[n]), Gen.Bool,
        (line, edits, fixChecksum) => Mutate(line, edits, fixChecksum));

    [Fact]
    public void WrittenTelemetry_ParsesBackToTheSameSample() =>
        s_telemetry.Sample(sample =>
        {
            var result = new CcpLineParser().Parse(Lines.Bytes(CcpSerialWriter.Format(sample)), out var frame);
            return result == CcpRejection.None && frame.Telemetry == sample;
        }, iter: 10_000);

    [Fact]
    public void WrittenEventsAndHellos_ParseBackToTheSameValues()
    {
        s_event.Sample(e => new CcpLineParser().Parse(Lines.Bytes(CcpSerialWriter.Format(e)), out var frame) == CcpRejection.None && frame.EventFor(0) == e, iter: 5_000);
        s_hello.Sample(h => new CcpLineParser().Parse(Lines.Bytes(CcpSerialWriter.Format(h)), out var frame) == CcpRejection.None && frame.Hello == h, iter: 5_000);
    }

    [Fact]
    public void WrittenTelemetryJson_ParsesBackToTheSameSample()
    {
        s_telemetry.Sample(sample =>
        {
            var payload = new System.Buffers.ReadOnlySequence<byte>(CcpJsonWriter.Telemetry(sample));
            var result = new CcpMqttParser().Parse(CcpTopics.Telemetry("site-1", sample.ControllerId), payload, out var message);
            return result == CcpRejection.None && message.Telemetry == sample;
        }, iter: 10_000);
    }

    [Fact]
    public void MutatedLine_IsRejected_OrReadAsExactlyWhatItSays()
    {
        var accepted = 0;
        s_mutatedLine.Sample(line =>
        {
            var result = new CcpLineParser().Parse(line, out var frame);
            var oracle = SerialLineOracle.Read(line);
            if (result != CcpRejection.None)
            {
                return oracle is null;
            }

            Interlocked.Increment(ref accepted);
            return frame.Type switch
            {
                CcpFrameType.Telemetry => oracle is TelemetrySample t && t == frame.Telemetry,
                CcpFrameType.Event => oracle is ControllerEvent e && e == frame.EventFor(0),
                CcpFrameType.Hello => oracle is ControllerHello h && h == frame.Hello,
                _ => oracle is "CCQ",
            };
        }, iter: 100_000, print: Lines.Latin1);

        // Not vacuous: mutations with a repaired checksum often still say something valid (another seq, id, value ...).
        Assert.True(accepted > 1_000, $"only {accepted} mutated lines were accepted");
    }

    private static byte[] Mutate(byte[] line, (int Kind, int Position, char Ascii, byte Any)[] edits, bool fixChecksum)
    {
        var bytes = line.ToList();
        foreach (var (kind, position, ascii, any) in edits)
        {
            var at = position % (bytes.Count + 1);
            var value = any % 4 == 0 ? any : (byte)ascii;
            switch (kind)
            {
                case 0 when at < bytes.Count:
                    bytes[at] = value;
                    break;
                case 1:
                    bytes.Insert(at, value);
                    break;
                default:
                    if (at < bytes.Count)
                    {
                        bytes.RemoveAt(at);
                    }

                    break;
            }
        }

        var mutated = bytes.ToArray();
        var star = Array.LastIndexOf(mutated, (byte)'*');
        if (fixChecksum && star > 0 && mutated[0] == '$' && star + 2 < mutated.Length)
        {
            var checksum = CcpChecksum.Compute(mutated.AsSpan(1, star - 1));
            mutated[star + 1] = (byte)"0123456789ABCDEF"[checksum >> 4];
            mutated[star + 2] = (byte)"0123456789ABCDEF"[checksum & 0xF];
        }

        return mutated;
    }

    private static string Clean(string label) => new([.. label.Select(c => c is ',' or '*' or '$' ? '_' : c)]);
}
