using InfusionSuite.Devices.Protocol;

namespace InfusionSuite.Simulator.Outputs;

/// <summary>The broker and topics of one simulated MQTT controller.</summary>
public sealed record MqttOutputOptions
{
    public required string Host { get; init; }

    public int Port { get; init; } = 1883;

    /// <summary>1–32 of <c>a-z 0-9 -</c>.</summary>
    public required string Site { get; init; }

    public required string ControllerId { get; init; }

    public string TopicRoot { get; init; } = CcpTopics.DefaultRoot;

    /// <summary>The MQTT client id; <c>ccp-sim-{site}-{controllerId}</c> when absent.</summary>
    public string? ClientId { get; init; }

    public string? Username { get; init; }

    public string? Password { get; init; }

    /// <summary>Limit for connecting and for each QoS 1 publish acknowledgement.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);
}
