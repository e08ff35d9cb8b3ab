using System.Buffers;
using System.Text;
using System.Text.Json;
using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Devices.Protocol;

/// <summary>The member values read from one CCP/1 payload, each checked for form and range as it is read.</summary>
internal struct CcpJsonValues
{
    private static readonly (byte[] Name, CcpJsonMember Member)[] s_members =
    [
        ("boot"u8.ToArray(), CcpJsonMember.Boot), ("seq"u8.ToArray(), CcpJsonMember.Seq), ("ts"u8.ToArray(), CcpJsonMember.Ts),
        ("state"u8.ToArray(), CcpJsonMember.State), ("coolantC"u8.ToArray(), CcpJsonMember.CoolantC),
        ("scalpC"u8.ToArray(), CcpJsonMember.ScalpC), ("flowMlMin"u8.ToArray(), CcpJsonMember.FlowMlMin),
        ("capConnected"u8.ToArray(), CcpJsonMember.CapConnected), ("alarms"u8.ToArray(), CcpJsonMember.Alarms),
        ("event"u8.ToArray(), CcpJsonMember.Event), ("detail"u8.ToArray(), CcpJsonMember.Detail),
        ("online"u8.ToArray(), CcpJsonMember.Online), ("model"u8.ToArray(), CcpJsonMember.Model),
        ("firmware"u8.ToArray(), CcpJsonMember.Firmware), ("protocol"u8.ToArray(), CcpJsonMember.Protocol),
    ];

    public CcpJsonMember Seen;
    public uint Boot;
    public uint Seq;
    public DateTimeOffset Ts;
    public ControllerState State;
    public Temperature CoolantC;
    public Temperature? ScalpC;
    public ushort FlowMlMin;
    public bool CapConnected;
    public ControllerAlarms Alarms;
    public ControllerEventKind EventKind;
    public int DetailLength;
    public bool Online;
    public string? Model;
    public string? Firmware;
    public int Protocol;

    public CcpJsonValues() => DetailLength = -1;

    /// <summary>Which member an (unescaped) property name is: None for one CCP/1 does not know.</summary>
    public static CcpJsonMember MemberOf(ReadOnlySpan<byte> name)
    {
        foreach (var (known, member) in s_members)
        {
            if (name.SequenceEqual(known))
            {
                return member;
            }
        }

        return CcpJsonMember.None;
    }

    /// <summary>Reads the value of one member the reader stands on.</summary>
    public CcpRejection Read(ref Utf8JsonReader reader, CcpJsonMember member, Span<byte> scratch, Span<byte> detail)
    {
        // Every member has one JSON type; any other (the string "true" where a boolean belongs) is out of form.
        var token = reader.TokenType;
        if (token == JsonTokenType.Null)
        {
            // Only the scalp sensor (none on this cap) and the detail (event without one) may be null.
            return member is CcpJsonMember.ScalpC or CcpJsonMember.Detail ? CcpRejection.None : CcpRejection.FieldForm;
        }

        if (member == CcpJsonMember.Alarms)
        {
            return ReadAlarms(ref reader, scratch, out Alarms);
        }

        if (member is CcpJsonMember.CapConnected or CcpJsonMember.Online)
        {
            if (token is not (JsonTokenType.True or JsonTokenType.False))
            {
                return CcpRejection.FieldForm;
            }

            _ = member == CcpJsonMember.CapConnected
                ? CapConnected = token == JsonTokenType.True
                : Online = token == JsonTokenType.True;
            return CcpRejection.None;
        }

        var isNumber = member is CcpJsonMember.Seq or CcpJsonMember.CoolantC or CcpJsonMember.ScalpC
            or CcpJsonMember.FlowMlMin or CcpJsonMember.Protocol;
        if (token != (isNumber ? JsonTokenType.Number : JsonTokenType.String) || !TryBytes(ref reader, scratch, out var text))
        {
            return CcpRejection.FieldForm;
        }

        return isNumber ? ReadNumber(member, text) : ReadText(member, text, detail);
    }

    private CcpRejection ReadNumber(CcpJsonMember member, ReadOnlySpan<byte> text)
    {
        CcpRejection result;
        uint value;
        switch (member)
        {
            case CcpJsonMember.Seq:
                return CcpFieldParser.UInt32(text, uint.MaxValue, out Seq);
            case CcpJsonMember.CoolantC:
                return CcpFieldParser.Tenths(text, CcpFieldParser.CoolantMin, CcpFieldParser.CoolantMax, true, out CoolantC);
            case CcpJsonMember.ScalpC:
                result = CcpFieldParser.Tenths(text, CcpFieldParser.ScalpMin, CcpFieldParser.ScalpMax, true, out var scalp);
                ScalpC = scalp;
                return result;
            case CcpJsonMember.FlowMlMin:
                result = CcpFieldParser.UInt32(text, 2000, out value);
                FlowMlMin = (ushort)value;
                return result;
            default:
                result = CcpFieldParser.UInt32(text, int.MaxValue, out value);
                Protocol = (int)value;
                return result == CcpRejection.None && value == 0 ? CcpRejection.OutOfRange : result;
        }
    }

    private CcpRejection ReadText(CcpJsonMember member, ReadOnlySpan<byte> text, Span<byte> detail)
    {
        switch (member)
        {
            case CcpJsonMember.Boot:
                return CcpFieldParser.Boot(text, out Boot);
            case CcpJsonMember.Ts:
                return CcpFieldParser.Timestamp(text, out Ts);
            case CcpJsonMember.State:
                return CcpWireNames.TryParseState(text, out State) ? CcpRejection.None : CcpRejection.FieldForm;
            case CcpJsonMember.Event:
                return CcpWireNames.TryParseEvent(text, out EventKind) ? CcpRejection.None : CcpRejection.FieldForm;
            case CcpJsonMember.Detail:
                if (text.Length > detail.Length)
                {
                    return CcpRejection.FieldForm;
                }

                text.CopyTo(detail);
                DetailLength = text.Length;
                return CcpRejection.None;
            default: // model or firmware
                if (!CcpFieldRules.IsLabel(text))
                {
                    return CcpRejection.FieldForm;
                }

                var label = Encoding.ASCII.GetString(text);
                _ = member == CcpJsonMember.Model ? Model = label : Firmware = label;
                return CcpRejection.None;
        }
    }

    private static CcpRejection ReadAlarms(ref Utf8JsonReader reader, Span<byte> scratch, out ControllerAlarms alarms)
    {
        alarms = ControllerAlarms.None;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return CcpRejection.FieldForm;
        }

        Span<char> name = stackalloc char[32];
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String || !TryBytes(ref reader, scratch, out var bytes)
                || Ascii.ToUtf16(bytes, name, out var length) != OperationStatus.Done
                || !ControllerAlarmNames.TryParse(name[..length], out var bit))
            {
                return CcpRejection.FieldForm;
            }

            alarms |= bit;
        }

        return CcpRejection.None;
    }

    /// <summary>The token's bytes (strings unescaped), or false when longer than any CCP/1 value.</summary>
    private static bool TryBytes(ref Utf8JsonReader reader, Span<byte> scratch, out ReadOnlySpan<byte> value)
    {
        value = default;
        if (reader.ValueSpan.Length > scratch.Length)
        {
            return false;
        }

        value = reader.ValueIsEscaped ? scratch[..reader.CopyString(scratch)] : reader.ValueSpan;
        return true;
    }
}
