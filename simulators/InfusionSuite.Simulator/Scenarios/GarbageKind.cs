namespace InfusionSuite.Simulator.Scenarios;

/// <summary>Malformed frames a receiver must discard, count and survive.</summary>
public enum GarbageKind
{
    /// <summary>Serial: a CCT line whose checksum is wrong. MQTT: a payload that is not JSON.</summary>
    BadChecksum,

    /// <summary>Serial: a CCT line without <c>*CS</c>. MQTT: a telemetry payload missing <c>seq</c>.</summary>
    MissingChecksum,

    /// <summary>Serial: the first part of a CCT line with no CRLF, followed at once by the next good line. MQTT: JSON cut short.</summary>
    Truncated,

    /// <summary>Serial: a well-checksummed line over 160 bytes. MQTT: a payload over 1024 bytes.</summary>
    Oversize,

    /// <summary>A well-formed sample whose coolant temperature (99.9 °C) is out of range.</summary>
    OutOfRange,
}
