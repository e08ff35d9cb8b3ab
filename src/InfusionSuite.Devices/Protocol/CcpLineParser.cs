using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Devices.Protocol;

/// <summary>
/// Parses one CCP/1 serial line (from <c>$</c>, with or without its CRLF or lone LF) into a
/// <see cref="CcpSerialFrame"/>, or says why not. Stateless apart from a small cache of controller-id
/// strings, so a valid CCT line allocates nothing. Not thread-safe: one per port.
/// </summary>
public sealed class CcpLineParser
{
    private const int MaxBodyBytes = CcpSerialWriter.MaxLineLength - 2;

    private readonly ControllerIdCache _ids = new();

    public CcpRejection Parse(ReadOnlySpan<byte> line, out CcpSerialFrame frame)
    {
        frame = default;
        if (line.EndsWith("\n"u8))
        {
            line = line[..^1];
        }

        if (line.EndsWith("\r"u8))
        {
            line = line[..^1];
        }

        if (line.Length > MaxBodyBytes)
        {
            return CcpRejection.TooLong;
        }

        if (line.IsEmpty || line[0] != '$')
        {
            return CcpRejection.Noise;
        }

        if (line.Length < 4 || line[^3] != '*' || !TryChecksum(line[^2], line[^1], out var checksum)
            || CcpChecksum.Compute(line[1..^3]) != checksum)
        {
            return CcpRejection.BadChecksum;
        }

        var body = line[1..^3];
        if (body.Length < 3 || (body.Length > 3 && body[3] != ','))
        {
            return CcpRejection.UnknownType;
        }

        var fields = new CcpFieldCursor(body.Length > 3 ? body[4..] : [], body.Length > 3);
        return body[..3] switch
        {
            var t when t.SequenceEqual("CCT"u8) => ParseTelemetry(fields, out frame),
            var t when t.SequenceEqual("CCE"u8) => ParseEvent(fields, out frame),
            var t when t.SequenceEqual("CCH"u8) => ParseHello(fields, out frame),
            var t when t.SequenceEqual("CCQ"u8) => ParseQuery(fields, out frame),
            _ => CcpRejection.UnknownType,
        };
    }

    private CcpRejection ParseTelemetry(CcpFieldCursor fields, out CcpSerialFrame frame)
    {
        frame = default;
        if (fields.Count != 9)
        {
            return CcpRejection.FieldCount;
        }

        var result = ParseKey(ref fields, out var controllerId, out var seq, out var timestamp);
        if (result != CcpRejection.None)
        {
            return result;
        }

        if (!CcpWireNames.TryParseState(fields.Next(), out var state))
        {
            return CcpRejection.FieldForm;
        }

        result = CcpFieldParser.Tenths(fields.Next(), CcpFieldParser.CoolantMin, CcpFieldParser.CoolantMax, false, out var coolant);
        if (result != CcpRejection.None)
        {
            return result;
        }

        var scalpText = fields.Next();
        Temperature? scalp = null;
        if (!scalpText.IsEmpty)
        {
            result = CcpFieldParser.Tenths(scalpText, CcpFieldParser.ScalpMin, CcpFieldParser.ScalpMax, false, out var scalpValue);
            if (result != CcpRejection.None)
            {
                return result;
            }

            scalp = scalpValue;
        }

        result = CcpFieldParser.UInt32(fields.Next(), 2000, out var flow);
        if (result != CcpRejection.None)
        {
            return result;
        }

        var cap = fields.Next();
        if (cap.Length != 1 || cap[0] is not ((byte)'0' or (byte)'1'))
        {
            return CcpRejection.FieldForm;
        }

        result = CcpFieldParser.Alarms(fields.Next(), out var alarms);
        if (result != CcpRejection.None)
        {
            return result;
        }

        frame = new CcpSerialFrame
        {
            Type = CcpFrameType.Telemetry,
            ControllerId = controllerId,
            Seq = seq,
            Telemetry = new TelemetrySample(controllerId, 0, seq, timestamp, state, coolant, scalp, (ushort)flow, cap[0] == '1', alarms),
        };
        return CcpRejection.None;
    }

    private CcpRejection ParseEvent(CcpFieldCursor fields, out CcpSerialFrame frame)
    {
        frame = default;
        if (fields.Count != 5)
        {
            return CcpRejection.FieldCount;
        }

        var result = ParseKey(ref fields, out var controllerId, out var seq, out var timestamp);
        if (result != CcpRejection.None)
        {
            return result;
        }

        if (!CcpWireNames.TryParseEvent(fields.Next(), out var kind))
        {
            return CcpRejection.FieldForm;
        }

        result = CcpFieldParser.Detail(kind, fields.Next(), out var detail);
        if (result != CcpRejection.None)
        {
            return result;
        }

        frame = new CcpSerialFrame
        {
            Type = CcpFrameType.Event,
            ControllerId = controllerId,
            Seq = seq,
            EventTimestamp = timestamp,
            EventKind = kind,
            EventDetail = detail,
        };
        return CcpRejection.None;
    }

    private CcpRejection ParseHello(CcpFieldCursor fields, out CcpSerialFrame frame)
    {
        frame = default;
        if (fields.Count != 5)
        {
            return CcpRejection.FieldCount;
        }

        var id = fields.Next();
        if (!CcpFieldRules.IsControllerId(id))
        {
            return CcpRejection.FieldForm;
        }

        var result = CcpFieldParser.Boot(fields.Next(), out var boot);
        var model = fields.Next();
        var firmware = fields.Next();
        if (result != CcpRejection.None || !CcpFieldRules.IsLabel(model) || !CcpFieldRules.IsLabel(firmware))
        {
            return CcpRejection.FieldForm;
        }

        result = CcpFieldParser.UInt32(fields.Next(), int.MaxValue, out var protocol);
        if (result != CcpRejection.None || protocol == 0)
        {
            return result == CcpRejection.None ? CcpRejection.OutOfRange : result;
        }

        var controllerId = _ids.Get(id);
        frame = new CcpSerialFrame
        {
            Type = CcpFrameType.Hello,
            ControllerId = controllerId,
            Hello = new ControllerHello(controllerId, boot, System.Text.Encoding.ASCII.GetString(model), System.Text.Encoding.ASCII.GetString(firmware), (int)protocol),
        };
        return CcpRejection.None;
    }

    private static CcpRejection ParseQuery(CcpFieldCursor fields, out CcpSerialFrame frame)
    {
        frame = default;
        if (fields.Count != 1)
        {
            return CcpRejection.FieldCount;
        }

        if (!fields.Next().SequenceEqual("HELLO"u8))
        {
            return CcpRejection.FieldForm;
        }

        frame = new CcpSerialFrame { Type = CcpFrameType.Query };
        return CcpRejection.None;
    }

    private CcpRejection ParseKey(ref CcpFieldCursor fields, out string controllerId, out uint seq, out DateTimeOffset timestamp)
    {
        controllerId = string.Empty;
        timestamp = default;
        var id = fields.Next();
        var result = CcpFieldParser.UInt32(fields.Next(), uint.MaxValue, out seq);
        if (!CcpFieldRules.IsControllerId(id))
        {
            return CcpRejection.FieldForm;
        }

        if (result == CcpRejection.None)
        {
            result = CcpFieldParser.Timestamp(fields.Next(), out timestamp);
        }

        if (result == CcpRejection.None)
        {
            controllerId = _ids.Get(id);
        }

        return result;
    }

    private static bool TryChecksum(byte high, byte low, out byte checksum)
    {
        var h = CcpFieldParser.HexDigit(high);
        var l = CcpFieldParser.HexDigit(low);
        checksum = (byte)((h << 4) | l);
        return h >= 0 && l >= 0 && high is not (>= (byte)'a' and <= (byte)'f') && low is not (>= (byte)'a' and <= (byte)'f');
    }
}
