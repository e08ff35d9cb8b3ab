namespace InfusionSuite.Devices.Protocol;

/// <summary>The serial line types of CCP/1.</summary>
public enum CcpFrameType : byte
{
    None,

    /// <summary><c>CCH</c>: a controller says who it is (and its boot).</summary>
    Hello,

    /// <summary><c>CCT</c>: a telemetry sample.</summary>
    Telemetry,

    /// <summary><c>CCE</c>: an event.</summary>
    Event,

    /// <summary><c>CCQ,HELLO</c>: the host asks a controller to say who it is.</summary>
    Query,
}
