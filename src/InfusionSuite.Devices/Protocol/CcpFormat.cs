using System.Buffers.Text;
using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Devices.Protocol;

/// <summary>Writes CCP/1 field values as ASCII into a span; shared by the serial and JSON writers.</summary>
internal static class CcpFormat
{
    /// <summary>Length of a CCP/1 timestamp: <c>2026-11-27T09:14:03.250Z</c>.</summary>
    public const int TimestampLength = 24;

    /// <summary>Tenths as one decimal (<c>-3.8</c>, <c>0.0</c>, <c>17.6</c>); returns the bytes written.</summary>
    public static int Tenths(Temperature value, Span<byte> destination)
    {
        var tenths = (int)value.Tenths;
        var pos = 0;
        if (tenths < 0)
        {
            destination[pos++] = (byte)'-';
            tenths = -tenths;
        }

        Utf8Formatter.TryFormat(tenths / 10, destination[pos..], out var written);
        pos += written;
        destination[pos++] = (byte)'.';
        destination[pos++] = (byte)('0' + (tenths % 10));
        return pos;
    }

    /// <summary>The instant in UTC as <c>yyyy-MM-ddTHH:mm:ss.fffZ</c> (sub-millisecond ticks are truncated).</summary>
    public static int Timestamp(DateTimeOffset value, Span<byte> destination)
    {
        var utc = value.UtcDateTime;
        Digits(utc.Year, 4, destination);
        destination[4] = (byte)'-';
        Digits(utc.Month, 2, destination[5..]);
        destination[7] = (byte)'-';
        Digits(utc.Day, 2, destination[8..]);
        destination[10] = (byte)'T';
        Digits(utc.Hour, 2, destination[11..]);
        destination[13] = (byte)':';
        Digits(utc.Minute, 2, destination[14..]);
        destination[16] = (byte)':';
        Digits(utc.Second, 2, destination[17..]);
        destination[19] = (byte)'.';
        Digits(utc.Millisecond, 3, destination[20..]);
        destination[23] = (byte)'Z';
        return TimestampLength;
    }

    /// <summary>The boot as 8 lowercase hex digits.</summary>
    public static int Boot(uint boot, Span<byte> destination)
    {
        const string hex = "0123456789abcdef";
        for (var i = 7; i >= 0; i--)
        {
            destination[i] = (byte)hex[(int)(boot & 0xF)];
            boot >>= 4;
        }

        return 8;
    }

    /// <summary>The alarm bitmask as 4 uppercase hex digits.</summary>
    public static int Alarms(ControllerAlarms alarms, Span<byte> destination)
    {
        const string hex = "0123456789ABCDEF";
        var value = (int)alarms;
        for (var i = 3; i >= 0; i--)
        {
            destination[i] = (byte)hex[value & 0xF];
            value >>= 4;
        }

        return 4;
    }

    private static void Digits(int value, int count, Span<byte> destination)
    {
        for (var i = count - 1; i >= 0; i--)
        {
            destination[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }
}
