using System.Buffers;
using System.Text.Json;
using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Devices.Protocol;

/// <summary>
/// Writes CCP/1 MQTT payloads (UTF-8 JSON) into an <see cref="IBufferWriter{T}"/>. Temperatures are
/// written as exact one-decimal numbers (<c>-4.0</c>, never <c>-4</c>); a missing scalp sensor and an
/// event without detail are written as <c>null</c>. The controllerId is not in the payload: it is in
/// the topic (<see cref="CcpTopics"/>).
/// </summary>
public static class CcpJsonWriter
{
    /// <summary>The largest payload CCP/1 allows.</summary>
    public const int MaxPayloadLength = 1024;

    private static readonly JsonWriterOptions s_options = new() { SkipValidation = true };

    [ThreadStatic]
    private static Utf8JsonWriter? s_writer;

    /// <summary><c>{"boot":..,"seq":..,"ts":..,"state":..,"coolantC":..,"scalpC":..,"flowMlMin":..,"capConnected":..,"alarms":[..]}</c></summary>
    public static void WriteTelemetry(IBufferWriter<byte> output, in TelemetrySample sample)
    {
        var json = Rent(output);
        Span<byte> scratch = stackalloc byte[CcpFormat.TimestampLength];
        json.WriteStartObject();
        WriteKey(json, sample.Boot, sample.Seq, sample.Timestamp, scratch);
        json.WriteString("state"u8, CcpWireNames.Of(sample.State));
        json.WritePropertyName("coolantC"u8);
        json.WriteRawValue(scratch[..CcpFormat.Tenths(sample.CoolantC, scratch)], skipInputValidation: true);
        json.WritePropertyName("scalpC"u8);
        if (sample.ScalpC is { } scalp)
        {
            json.WriteRawValue(scratch[..CcpFormat.Tenths(scalp, scratch)], skipInputValidation: true);
        }
        else
        {
            json.WriteNullValue();
        }

        json.WriteNumber("flowMlMin"u8, sample.FlowMlMin);
        json.WriteBoolean("capConnected"u8, sample.CapConnected);
        json.WriteStartArray("alarms"u8);
        for (var bit = 0; bit < 16; bit++)
        {
            var flag = (ControllerAlarms)(1 << bit);
            if ((sample.Alarms & flag) != 0)
            {
                json.WriteStringValue(ControllerAlarmNames.NameOf(flag));
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        Return(json);
    }

    /// <summary><c>{"boot":..,"seq":..,"ts":..,"event":..,"detail":..}</c></summary>
    public static void WriteEvent(IBufferWriter<byte> output, ControllerEvent controllerEvent)
    {
        ArgumentNullException.ThrowIfNull(controllerEvent);
        var json = Rent(output);
        Span<byte> scratch = stackalloc byte[CcpFormat.TimestampLength];
        json.WriteStartObject();
        WriteKey(json, controllerEvent.Boot, controllerEvent.Seq, controllerEvent.Timestamp, scratch);
        json.WriteString("event"u8, CcpWireNames.Of(controllerEvent.Kind));
        json.WriteString("detail"u8, controllerEvent.Detail);
        json.WriteEndObject();
        Return(json);
    }

    /// <summary>The retained status of a controller that is up: <c>{"online":true,"boot":..,"model":..,"firmware":..,"protocol":1}</c>.</summary>
    public static void WriteOnline(IBufferWriter<byte> output, ControllerHello hello)
    {
        ArgumentNullException.ThrowIfNull(hello);
        var json = Rent(output);
        Span<byte> scratch = stackalloc byte[8];
        json.WriteStartObject();
        json.WriteBoolean("online"u8, true);
        json.WriteString("boot"u8, scratch[..CcpFormat.Boot(hello.Boot, scratch)]);
        json.WriteString("model"u8, hello.Model);
        json.WriteString("firmware"u8, hello.Firmware);
        json.WriteNumber("protocol"u8, hello.ProtocolVersion);
        json.WriteEndObject();
        Return(json);
    }

    /// <summary>The Last Will, retained on the status topic: <c>{"online":false}</c>.</summary>
    public static void WriteOffline(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write("{\"online\":false}"u8);
    }

    public static byte[] Telemetry(in TelemetrySample sample)
    {
        var output = new ArrayBufferWriter<byte>(256);
        WriteTelemetry(output, sample);
        return output.WrittenSpan.ToArray();
    }

    public static byte[] Event(ControllerEvent controllerEvent)
    {
        var output = new ArrayBufferWriter<byte>(160);
        WriteEvent(output, controllerEvent);
        return output.WrittenSpan.ToArray();
    }

    public static byte[] Online(ControllerHello hello)
    {
        var output = new ArrayBufferWriter<byte>(128);
        WriteOnline(output, hello);
        return output.WrittenSpan.ToArray();
    }

    public static byte[] Offline() => "{\"online\":false}"u8.ToArray();

    private static void WriteKey(Utf8JsonWriter json, uint boot, uint seq, DateTimeOffset timestamp, Span<byte> scratch)
    {
        json.WriteString("boot"u8, scratch[..CcpFormat.Boot(boot, scratch)]);
        json.WriteNumber("seq"u8, seq);
        json.WriteString("ts"u8, scratch[..CcpFormat.Timestamp(timestamp, scratch)]);
    }

    private static Utf8JsonWriter Rent(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (s_writer is null)
        {
            s_writer = new Utf8JsonWriter(output, s_options);
        }
        else
        {
            s_writer.Reset(output);
        }

        return s_writer;
    }

    private static void Return(Utf8JsonWriter json)
    {
        json.Flush();
        json.Reset();
    }
}
