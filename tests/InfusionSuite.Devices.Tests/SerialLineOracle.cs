using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Devices.Tests;

/// <summary>
/// A second, deliberately naive reading of the CCP/1 serial rules (regexes and the framework's parsers),
/// to check the fast parser against: what a line says, or null when the spec says to discard it.
/// </summary>
internal static partial class SerialLineOracle
{
    private static readonly string[] s_states = ["STANDBY", "PRECHILL", "COOLING", "PAUSED", "FAULT"];
    private static readonly string[] s_events = ["CAP_ON", "CAP_OFF", "COOLING_START", "COOLING_STOP", "PAUSE", "RESUME", "CALIBRATED", "SETPOINT", "FAULT"];

    /// <summary>A <see cref="TelemetrySample"/> (boot 0), <see cref="ControllerEvent"/> (boot 0), <see cref="ControllerHello"/>, "CCQ", or null.</summary>
    public static object? Read(byte[] bytes)
    {
        var line = Encoding.Latin1.GetString(bytes);
        var match = Framing().Match(line);
        if (!match.Success || match.Groups[1].Length + 4 > 158)
        {
            return null;
        }

        var body = match.Groups[1].Value;
        var checksum = body.Aggregate(0, (x, c) => x ^ c);
        if (checksum.ToString("X2", CultureInfo.InvariantCulture) != match.Groups[2].Value)
        {
            return null;
        }

        var f = body.Split(',');
        return f[0] switch
        {
            "CCT" when f.Length == 10 => Telemetry(f),
            "CCE" when f.Length == 6 => Event(f),
            "CCH" when f.Length == 6 => Hello(f),
            "CCQ" when f.Length == 2 && f[1] == "HELLO" => "CCQ",
            _ => null,
        };
    }

    private static TelemetrySample? Telemetry(string[] f)
    {
        var state = Array.IndexOf(s_states, f[4]);
        if (!Id().IsMatch(f[1]) || Seq(f[2]) is not { } seq || Ts(f[3]) is not { } ts || state < 0
            || Tenths(f[5], -100, 400) is not { } coolant || !UInt(f[7], 2000, out var flow) || f[8] is not ("0" or "1")
            || !AlarmBits().IsMatch(f[9]))
        {
            return null;
        }

        Temperature? scalp = null;
        if (f[6].Length > 0)
        {
            if (Tenths(f[6], -50, 400) is not { } value)
            {
                return null;
            }

            scalp = value;
        }

        return new TelemetrySample(f[1], 0, seq, ts, (ControllerState)state, coolant, scalp, (ushort)flow, f[8] == "1",
            (ControllerAlarms)ushort.Parse(f[9], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
    }

    private static ControllerEvent? Event(string[] f)
    {
        var kind = Array.IndexOf(s_events, f[4]);
        if (!Id().IsMatch(f[1]) || Seq(f[2]) is not { } seq || Ts(f[3]) is not { } ts || kind < 0)
        {
            return null;
        }

        var detailOk = (ControllerEventKind)kind switch
        {
            ControllerEventKind.Calibrated => f[5] is "XS" or "S" or "M" or "L" or "XL",
            ControllerEventKind.Setpoint => Tenths(f[5], -100, 400) is not null,
            ControllerEventKind.Fault => FaultCode().IsMatch(f[5]),
            _ => f[5].Length == 0,
        };
        return detailOk ? new ControllerEvent(f[1], 0, seq, ts, (ControllerEventKind)kind, f[5].Length == 0 ? null : f[5]) : null;
    }

    private static ControllerHello? Hello(string[] f) =>
        Id().IsMatch(f[1]) && BootHex().IsMatch(f[2]) && Label().IsMatch(f[3]) && Label().IsMatch(f[4])
        && UInt(f[5], int.MaxValue, out var protocol) && protocol > 0
            ? new ControllerHello(f[1], uint.Parse(f[2], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture), f[3], f[4], (int)protocol)
            : null;

    private static uint? Seq(string text) => UInt(text, uint.MaxValue, out var value) ? (uint)value : null;

    private static bool UInt(string text, ulong max, out ulong value)
    {
        value = 0;
        return Unsigned().IsMatch(text) && ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value <= max;
    }

    private static DateTimeOffset? Ts(string text) =>
        Timestamp().IsMatch(text) && DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var ts) ? ts : null;

    private static Temperature? Tenths(string text, int min, int max)
    {
        if (!OneDecimal().IsMatch(text))
        {
            return null;
        }

        var tenths = decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) * 10;
        return tenths >= min && tenths <= max ? new Temperature((short)tenths) : null;
    }

    [GeneratedRegex(@"^\$([^*$]*)\*([0-9A-F]{2})\r?\n?\z")]
    private static partial Regex Framing();

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,32}\z")]
    private static partial Regex Id();

    [GeneratedRegex(@"^(0|[1-9][0-9]*)\z")]
    private static partial Regex Unsigned();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z\z")]
    private static partial Regex Timestamp();

    [GeneratedRegex(@"^-?(0|[1-9][0-9]{0,3})\.[0-9]\z")]
    private static partial Regex OneDecimal();

    [GeneratedRegex(@"^[0-9A-Fa-f]{4}\z")]
    private static partial Regex AlarmBits();

    [GeneratedRegex(@"^[A-Z0-9_]{1,16}\z")]
    private static partial Regex FaultCode();

    [GeneratedRegex(@"^[0-9a-f]{8}\z")]
    private static partial Regex BootHex();

    [GeneratedRegex(@"^[\x20-\x7E]{1,32}\z")]
    private static partial Regex Label();
}
