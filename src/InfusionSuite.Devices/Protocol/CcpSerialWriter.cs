using System.Buffers.Text;
using System.Text;
using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Devices.Protocol;

/// <summary>
/// Formats CCP/1 serial lines (<c>$TYPE,...*CS\r\n</c>) with their checksum. Values are written as
/// given, so a test or the simulator can send a value out of range; text that would break the framing
/// (or an id out of its form) is refused with <see cref="ArgumentException"/>. Serial CCT/CCE lines
/// carry no boot: <see cref="TelemetrySample.Boot"/> and <see cref="ControllerEvent.Boot"/> are not written.
/// </summary>
public static class CcpSerialWriter
{
    /// <summary>The longest CCP/1 line, <c>$</c> and CRLF included.</summary>
    public const int MaxLineLength = 160;

    /// <summary>The host's query, <c>$CCQ,HELLO*..\r\n</c>: a controller answers with a CCH line.</summary>
    public static ReadOnlySpan<byte> Query => "$CCQ,HELLO*3F\r\n"u8;

    /// <summary>Writes a CCH line; returns its length.</summary>
    public static int Write(ControllerHello hello, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(hello);
        Span<byte> scratch = stackalloc byte[16];
        var line = new CcpLineBuilder(destination, "CCH"u8);
        line.Field(hello.ControllerId, "controllerId", CcpFieldRules.IsControllerId);
        line.Field(scratch[..CcpFormat.Boot(hello.Boot, scratch)]);
        line.Field(hello.Model, "model", CcpFieldRules.IsLabel);
        line.Field(hello.Firmware, "firmware", CcpFieldRules.IsLabel);
        Utf8Formatter.TryFormat(hello.ProtocolVersion, scratch, out var written);
        line.Field(scratch[..written]);
        return line.Finish();
    }

    /// <summary>Writes a CCT line; returns its length. Nothing is allocated.</summary>
    public static int Write(in TelemetrySample sample, Span<byte> destination)
    {
        Span<byte> scratch = stackalloc byte[CcpFormat.TimestampLength];
        var line = new CcpLineBuilder(destination, "CCT"u8);
        WriteKey(ref line, sample.ControllerId, sample.Seq, sample.Timestamp, scratch);
        line.Field(CcpWireNames.Of(sample.State));
        line.Field(scratch[..CcpFormat.Tenths(sample.CoolantC, scratch)]);
        line.Field(sample.ScalpC is { } scalp ? scratch[..CcpFormat.Tenths(scalp, scratch)] : []);
        Utf8Formatter.TryFormat(sample.FlowMlMin, scratch, out var written);
        line.Field(scratch[..written]);
        line.Field(sample.CapConnected ? "1"u8 : "0"u8);
        line.Field(scratch[..CcpFormat.Alarms(sample.Alarms, scratch)]);
        return line.Finish();
    }

    /// <summary>Writes a CCE line (an event without detail has an empty detail field); returns its length.</summary>
    public static int Write(ControllerEvent controllerEvent, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(controllerEvent);
        Span<byte> scratch = stackalloc byte[CcpFormat.TimestampLength];
        var line = new CcpLineBuilder(destination, "CCE"u8);
        WriteKey(ref line, controllerEvent.ControllerId, controllerEvent.Seq, controllerEvent.Timestamp, scratch);
        line.Field(CcpWireNames.Of(controllerEvent.Kind));
        line.Field(controllerEvent.Detail, "detail", IsFramingSafe);
        return line.Finish();
    }

    /// <summary>Writes <see cref="Query"/>; returns its length.</summary>
    public static int WriteQuery(Span<byte> destination)
    {
        Query.CopyTo(destination);
        return Query.Length;
    }

    /// <summary>The CCH line as a string, CRLF included.</summary>
    public static string Format(ControllerHello hello)
    {
        Span<byte> line = stackalloc byte[MaxLineLength];
        return Encoding.ASCII.GetString(line[..Write(hello, line)]);
    }

    /// <summary>The CCT line as a string, CRLF included.</summary>
    public static string Format(in TelemetrySample sample)
    {
        Span<byte> line = stackalloc byte[MaxLineLength];
        return Encoding.ASCII.GetString(line[..Write(sample, line)]);
    }

    /// <summary>The CCE line as a string, CRLF included.</summary>
    public static string Format(ControllerEvent controllerEvent)
    {
        Span<byte> line = stackalloc byte[MaxLineLength];
        return Encoding.ASCII.GetString(line[..Write(controllerEvent, line)]);
    }

    private static void WriteKey(ref CcpLineBuilder line, string controllerId, uint seq, DateTimeOffset timestamp, scoped Span<byte> scratch)
    {
        line.Field(controllerId, "controllerId", CcpFieldRules.IsControllerId);
        Utf8Formatter.TryFormat(seq, scratch, out var written);
        line.Field(scratch[..written]);
        line.Field(scratch[..CcpFormat.Timestamp(timestamp, scratch)]);
    }

    private static bool IsFramingSafe(ReadOnlySpan<byte> value) =>
        value.IndexOfAny("$*,\r\n"u8) < 0;
}
