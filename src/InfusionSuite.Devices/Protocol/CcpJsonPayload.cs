using System.Buffers;
using System.Text.Json;
using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Devices.Protocol;

/// <summary>
/// Parses a CCP/1 MQTT payload straight from its <see cref="ReadOnlySequence{T}"/> with
/// <see cref="Utf8JsonReader"/> (no string of the payload is made). Members the kind does not use
/// are skipped, whatever they hold.
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
        var values = new CcpJsonValues();
        Span<byte> detail = stackalloc byte[MaxDetailBytes];
        Span<byte> scratch = stackalloc byte[64];
        scoped var reader = new Utf8JsonReader(payload);
        CcpRejection result;
        try
        {
            result = ReadObject(ref reader, wanted, ref values, scratch, detail);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Malformed JSON, or a string that is not valid UTF-8 (CopyString throws on it).
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

    private static CcpRejection ReadObject(ref Utf8JsonReader reader, CcpJsonMember wanted, ref CcpJsonValues values, Span<byte> scratch, Span<byte> detail)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return CcpRejection.NotJson;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var member = CcpJsonValues.MemberOf(ref reader, scratch) & wanted;
            reader.Read();
            if (member == CcpJsonMember.None)
            {
                reader.Skip();
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
}
