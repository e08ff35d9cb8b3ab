namespace InfusionSuite.Application.Controllers;

/// <summary>
/// One thing a controller link hands to the consumer: a telemetry sample, an event, a hello, or a
/// change of the controller's presence. Carries no patient data (none crosses CCP/1).
/// </summary>
public abstract record ControllerMessage
{
    /// <summary>The controller the message is about (for MQTT, the one in the topic).</summary>
    public required string ControllerId { get; init; }

    public required CcpTransport Transport { get; init; }

    /// <summary>The MQTT site from the topic; null on serial.</summary>
    public string? Site { get; init; }

    /// <summary>The configured serial port; null on MQTT.</summary>
    public string? SerialPort { get; init; }

    /// <summary>When this server received it (the server's clock, from its TimeProvider), not the controller's.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>
    /// Completed by the consumer once the message is durably stored (or deliberately discarded);
    /// for MQTT QoS 1 this sends the PUBACK, so the broker keeps the message until then.
    /// </summary>
    public MessageAcknowledgement Acknowledgement { get; init; } = MessageAcknowledgement.None;
}
