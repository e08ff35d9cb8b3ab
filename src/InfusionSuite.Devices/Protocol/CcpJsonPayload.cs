using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;
using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Devices.Protocol;

/// <summary>
/// Parses a CCP/1 MQTT payload with <see cref="Utf8JsonReader"/> (no string of the payload is made; a
/// payload in several segments is copied to the stack first). Strict: invalid UTF-8 anywhere and a
/// member name given twice in one object are <see cref="CcpRejection.NotJson"/>; a member of the wrong
/// JSON type is <see cref="CcpRejection.FieldForm"/>. Members the kind does not use are skipped,
/// whatever they hold and however deep, within the size limit.
/// </summary>
internal static class CcpJsonPayload
{
    private const CcpJsonMember KeyMembers = CcpJsonMember.Boot | CcpJsonMember.Seq | CcpJsonMember.Ts;
    private const CcpJsonMember TelemetryRequired = KeyMembers | CcpJsonMember.State | CcpJsonMember.CoolantC
        | CcpJsonMember.FlowMlMin | CcpJsonMember.CapConnected | CcpJsonMember.Alarms;
    private const CcpJsonMember EventRequired = KeyMembers | CcpJsonMember.Event;
    private const CcpJsonMember OnlineRequired = CcpJsonMember.Online | CcpJsonMember.Boot | CcpJsonMember.Model
        | CcpJsonMember.Firmware | CcpJsonMember.Protocol;

    private const int MaxDetailBytes = 32;

    // A member takes at least 4 bytes ("":0) and an open object at least 2 ([{), so these bound any payload.
    private const int MaxNames = CcpJsonWriter.MaxPayloadLength / 4;
    private const int MaxObjectDepth = CcpJsonWriter.MaxPayloadLength / 2;

    private static readonly JsonReaderOptions s_options = new() { MaxDepth = CcpJsonWriter.MaxPayloadLength };

    public static CcpRejection Parse(in ReadOnlySequence<byte> payload, CcpMessageKind kind, string controllerId, out CcpMqttMessage message)
    {
        message = default;
        if (payload.Length > CcpJsonWriter.MaxPayloadLength)
        {
            return CcpRejection.Oversize;
        }

        var wanted = kind switch
        {
            CcpMessageKind.Telemetry => TelemetryRequired | CcpJsonMember.ScalpC,
            CcpMessageKind.Event => EventRequired | CcpJsonMember.Detail,
            _ => OnlineRequired,
        };
        Span<byte> copy = stackalloc byte[CcpJsonWriter.MaxPayloadLength];
        var json = payload.IsSingleSegment ? payload.FirstSpan : Copy(payload, copy);
        if (!Utf8.IsValid(json))
        {
            return CcpRejection.NotJson;
        }

        var values = new CcpJsonValues();
        Span<byte> detail = stackalloc byte[MaxDetailBytes];
        Span<byte> scratch = stackalloc byte[64];
        var names = new CcpJsonNames(stackalloc byte[CcpJsonWriter.MaxPayloadLength], stackalloc int[MaxNames], stackalloc int[MaxObjectDepth]);
        var reader = new Utf8JsonReader(json, s_options);
        CcpRejection result;
        try
        {
            result = ReadObject(ref reader, wanted, ref values, ref names, scratch, detail);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Malformed JSON, or an escape that is not valid UTF-16 (CopyString throws on it).
            return CcpRejection.NotJson;
        }

        return result != CcpRejection.None ? result : kind switch
        {
            CcpMessageKind.Telemetry => Telemetry(values, controllerId, out message),
            CcpMessageKind.Event => Event(values, detail, controllerId, out message),
            _ => Status(values, controllerId, out message),
        };
    }

    private static CcpRejection Telemetry(in CcpJsonValues v, string controllerId, out CcpMqttMessage message)
    {
        message = default;
        if ((v.Seen & TelemetryRequired) != TelemetryRequired)
        {
            return CcpRejection.MissingMember;
        }

        message = new CcpMqttMessage
        {
            Kind = CcpMessageKind.Telemetry,
            Telemetry = new TelemetrySample(controllerId, v.Boot, v.Seq, v.Ts, v.State, v.CoolantC, v.ScalpC, v.FlowMlMin, v.CapConnected, v.Alarms),
        };
        return CcpRejection.None;
    }

    private static CcpRejection Event(in CcpJsonValues v, ReadOnlySpan<byte> detailBuffer, string controllerId, out CcpMqttMessage message)
    {
        message = default;
        if ((v.Seen & EventRequired) != EventRequired)
        {
            return CcpRejection.MissingMember;
        }

        var needsDetail = v.EventKind is ControllerEventKind.Calibrated or ControllerEventKind.Setpoint or ControllerEventKind.Fault;
        if (needsDetail && v.DetailLength < 0)
        {
            return CcpRejection.MissingMember;
        }

        var result = CcpFieldParser.Detail(v.EventKind, detailBuffer[..Math.Max(v.DetailLength, 0)], out var detail);
        if (result != CcpRejection.None)
        {
            return result;
        }

        message = new CcpMqttMessage
        {
            Kind = CcpMessageKind.Event,
            Event = new ControllerEvent(controllerId, v.Boot, v.Seq, v.Ts, v.EventKind, detail),
        };
        return CcpRejection.None;
    }

    private static CcpRejection Status(in CcpJsonValues v, string controllerId, out CcpMqttMessage message)
    {
        message = default;
        var required = v.Online ? OnlineRequired : CcpJsonMember.Online;
        if ((v.Seen & required) != required)
        {
            return CcpRejection.MissingMember;
        }

        message = new CcpMqttMessage
        {
            Kind = CcpMessageKind.Status,
            Online = v.Online,
            Hello = v.Online ? new ControllerHello(controllerId, v.Boot, v.Model!, v.Firmware!, v.Protocol) : null,
        };
        return CcpRejection.None;
    }

    private static ReadOnlySpan<byte> Copy(in ReadOnlySequence<byte> payload, Span<byte> buffer)
    {
        payload.CopyTo(buffer);
        return buffer[..(int)payload.Length];
    }

    private static CcpRejection ReadObject(
        ref Utf8JsonReader reader, CcpJsonMember wanted, ref CcpJsonValues values, ref CcpJsonNames names, Span<byte> scratch, Span<byte> detail)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return CcpRejection.NotJson;
        }

        names.EnterObject();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!names.TryAdd(ref reader, out var name))
            {
                return CcpRejection.NotJson;
            }

            var member = CcpJsonValues.MemberOf(name) & wanted;
            reader.Read();
            if (member == CcpJsonMember.None)
            {
                if (!Skip(ref reader, ref names))
                {
                    return CcpRejection.NotJson;
                }

                continue;
            }

            var result = values.Read(ref reader, member, scratch, detail);
            if (result != CcpRejection.None)
            {
                return result;
            }

            values.Seen |= member;
        }

        // Anything after the one object is not JSON CCP/1 accepts (the reader throws on it).
        return reader.Read() ? CcpRejection.NotJson : CcpRejection.None;
    }

    /// <summary>Skips the value the reader stands on; false when an object inside it has a name twice.</summary>
    private static bool Skip(ref Utf8JsonReader reader, ref CcpJsonNames names)
    {
        var depth = reader.CurrentDepth;
        while (true)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    names.EnterObject();
                    break;
                case JsonTokenType.EndObject:
                    names.LeaveObject();
                    break;
                case JsonTokenType.PropertyName when !names.TryAdd(ref reader, out _):
                    return false;
            }

            if ((reader.CurrentDepth == depth && reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
                || !reader.Read())
            {
                return true;
            }
        }
    }
}
