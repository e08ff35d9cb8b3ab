using System.Text;
using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Devices.Protocol;

/// <summary>Parses CCP/1 field values from ASCII bytes by hand (no allocation), shared by serial and MQTT.</summary>
internal static class CcpFieldParser
{
    public static readonly Temperature CoolantMin = new(-100);
    public static readonly Temperature CoolantMax = new(400);
    public static readonly Temperature ScalpMin = new(-50);
    public static readonly Temperature ScalpMax = new(400);

    /// <summary>
    /// An unsigned decimal integer without sign or leading zeros. A minus sign before digits, or a value
    /// over <paramref name="max"/>, is out of range; anything else not digits is out of form.
    /// </summary>
    public static CcpRejection UInt32(ReadOnlySpan<byte> text, uint max, out uint value)
    {
        value = 0;
        var negative = !text.IsEmpty && text[0] == '-';
        var digits = negative ? text[1..] : text;
        if (digits.IsEmpty || (digits[0] == '0' && digits.Length > 1))
        {
            return CcpRejection.FieldForm;
        }

        ulong result = 0;
        foreach (var b in digits)
        {
            if (!CcpFieldRules.IsDigit(b))
            {
                return CcpRejection.FieldForm;
            }

            result = Math.Min((result * 10) + (uint)(b - '0'), ulong.MaxValue / 100);
        }

        if (negative)
        {
            return result == 0 ? CcpRejection.FieldForm : CcpRejection.OutOfRange;
        }

        if (result > max)
        {
            return CcpRejection.OutOfRange;
        }

        value = (uint)result;
        return CcpRejection.None;
    }

    /// <summary>
    /// °C with one decimal (<c>-3.8</c>, <c>17.6</c>, <c>-0.0</c>). With <paramref name="decimalOptional"/>
    /// (JSON numbers, where <c>-4.0</c> may arrive as <c>-4</c>) a whole number is accepted too.
    /// </summary>
    public static CcpRejection Tenths(ReadOnlySpan<byte> text, Temperature min, Temperature max, bool decimalOptional, out Temperature value)
    {
        value = default;
        var negative = !text.IsEmpty && text[0] == '-';
        var rest = negative ? text[1..] : text;
        var dot = rest.IndexOf((byte)'.');
        var whole = dot < 0 ? rest : rest[..dot];
        var fractionOk = dot < 0 ? decimalOptional : rest.Length == dot + 2 && CcpFieldRules.IsDigit(rest[^1]);
        if (!fractionOk || whole.IsEmpty || whole.ContainsAnyExceptInRange((byte)'0', (byte)'9') || (whole[0] == '0' && whole.Length > 1))
        {
            return CcpRejection.FieldForm;
        }

        if (whole.Length > 4)
        {
            return CcpRejection.OutOfRange;
        }

        Digits(whole, out var degrees);
        var tenths = (degrees * 10) + (dot < 0 ? 0 : rest[^1] - '0');
        tenths = negative ? -tenths : tenths;
        if (tenths < min.Tenths || tenths > max.Tenths)
        {
            return CcpRejection.OutOfRange;
        }

        value = new Temperature((short)tenths);
        return CcpRejection.None;
    }

    /// <summary><c>yyyy-MM-ddTHH:mm:ss.fffZ</c>, UTC. Digits in place but not a calendar instant is out of range.</summary>
    public static CcpRejection Timestamp(ReadOnlySpan<byte> text, out DateTimeOffset value)
    {
        value = default;
        if (text.Length != CcpFormat.TimestampLength || text[4] != '-' || text[7] != '-' || text[10] != 'T'
            || text[13] != ':' || text[16] != ':' || text[19] != '.' || text[23] != 'Z')
        {
            return CcpRejection.FieldForm;
        }

        if (!Digits(text[..4], out var year) || !Digits(text[5..7], out var month) || !Digits(text[8..10], out var day)
            || !Digits(text[11..13], out var hour) || !Digits(text[14..16], out var minute)
            || !Digits(text[17..19], out var second) || !Digits(text[20..23], out var millisecond))
        {
            return CcpRejection.FieldForm;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return CcpRejection.OutOfRange;
        }

        value = new DateTimeOffset(year, month, day, hour, minute, second, millisecond, TimeSpan.Zero);
        return CcpRejection.None;
    }

    /// <summary>Exactly 8 lowercase hex digits.</summary>
    public static CcpRejection Boot(ReadOnlySpan<byte> text, out uint value)
    {
        value = 0;
        if (text.Length != 8)
        {
            return CcpRejection.FieldForm;
        }

        foreach (var b in text)
        {
            var nibble = HexDigit(b);
            if (nibble < 0 || b is >= (byte)'A' and <= (byte)'F')
            {
                return CcpRejection.FieldForm;
            }

            value = (value << 4) | (uint)nibble;
        }

        return CcpRejection.None;
    }

    /// <summary>Exactly 4 hex digits (either case); reserved bits are kept.</summary>
    public static CcpRejection Alarms(ReadOnlySpan<byte> text, out ControllerAlarms value)
    {
        value = ControllerAlarms.None;
        if (text.Length != 4)
        {
            return CcpRejection.FieldForm;
        }

        var bits = 0;
        foreach (var b in text)
        {
            var nibble = HexDigit(b);
            if (nibble < 0)
            {
                return CcpRejection.FieldForm;
            }

            bits = (bits << 4) | nibble;
        }

        value = (ControllerAlarms)bits;
        return CcpRejection.None;
    }

    /// <summary>
    /// The detail of an event: empty for events without one; cap size for CALIBRATED; °C with one decimal
    /// in the coolant range for SETPOINT; 1–16 of <c>A-Z 0-9 _</c> for FAULT.
    /// </summary>
    public static CcpRejection Detail(ControllerEventKind kind, ReadOnlySpan<byte> text, out string? detail)
    {
        detail = null;
        switch (kind)
        {
            case ControllerEventKind.Calibrated:
                if (!CcpFieldRules.IsCapSize(text))
                {
                    return CcpRejection.FieldForm;
                }

                break;
            case ControllerEventKind.Setpoint:
                var setpoint = Tenths(text, CoolantMin, CoolantMax, decimalOptional: false, out _);
                if (setpoint != CcpRejection.None)
                {
                    return setpoint;
                }

                break;
            case ControllerEventKind.Fault:
                if (!CcpFieldRules.IsFaultCode(text))
                {
                    return CcpRejection.FieldForm;
                }

                break;
            default:
                return text.IsEmpty ? CcpRejection.None : CcpRejection.FieldForm;
        }

        detail = Encoding.ASCII.GetString(text);
        return CcpRejection.None;
    }

    public static int HexDigit(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        _ => -1,
    };

    private static bool Digits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var b in text)
        {
            if (!CcpFieldRules.IsDigit(b))
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return true;
    }
}
