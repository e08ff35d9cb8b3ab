namespace InfusionSuite.Devices.Protocol;

/// <summary>Why a CCP/1 line or payload was discarded (each is counted; the stream goes on).</summary>
public enum CcpRejection : byte
{
    /// <summary>Accepted.</summary>
    None,

    /// <summary>A serial line longer than 160 bytes, <c>$</c> and CRLF included.</summary>
    TooLong,

    /// <summary>A serial line whose checksum is missing, not two uppercase hex digits, or wrong.</summary>
    BadChecksum,

    /// <summary>A serial type other than CCH/CCT/CCE/CCQ, or an MQTT topic kind other than telemetry/event/status.</summary>
    UnknownType,

    /// <summary>A serial line with the wrong number of fields for its type.</summary>
    FieldCount,

    /// <summary>A field or JSON member not in its form (text where a number belongs, unknown state, bad id ...).</summary>
    FieldForm,

    /// <summary>A field in its form but outside its range (coolant 55.0, flow 2500, 31 February ...).</summary>
    OutOfRange,

    /// <summary>An MQTT payload that is not one JSON object.</summary>
    NotJson,

    /// <summary>An MQTT payload without a member its kind requires.</summary>
    MissingMember,

    /// <summary>An MQTT payload over 1024 bytes.</summary>
    Oversize,

    /// <summary>A serial line cut short by the next <c>$</c>, or by the port closing, before its line end.</summary>
    Truncated,

    /// <summary>Bytes outside any line (before a <c>$</c>): a wrong baud rate or line noise. Counted once per run.</summary>
    Noise,

    /// <summary>A serial CCT/CCE whose controller's boot is unknown (no CCH yet) and could not be held or attributed.</summary>
    NoHello,

    /// <summary>A host-to-controller frame (<c>CCQ</c>) arriving at the host: an echo or crossed wires.</summary>
    WrongDirection,

    /// <summary>An MQTT topic not of the form <c>{root}/{site}/{controllerId}/{kind}</c> with a valid site and controllerId.</summary>
    BadTopic,
}
