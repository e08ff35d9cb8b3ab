namespace InfusionSuite.Devices.Mqtt;

/// <summary>
/// The few MQTT client operations the link needs, so that the link logic is tested with a
/// hand-written fake and, separately, through <see cref="MqttNetClientAdapter"/> against real brokers.
/// </summary>
internal interface IMqttClientAdapter : IDisposable
{
    bool IsConnected { get; }

    /// <summary>Called for every message, one at a time; the next one waits until the returned task completes.</summary>
    Func<MqttInboundMessage, CancellationToken, Task>? MessageReceived { get; set; }

    /// <summary>Connects; a refused CONNACK is a result, not an exception. Network failures throw.</summary>
    Task<MqttConnectOutcome> ConnectAsync(MqttLinkOptions options, CancellationToken cancellationToken);

    /// <summary>Subscribes with QoS 1; false when the broker refused any filter.</summary>
    Task<bool> SubscribeAsync(IReadOnlyList<string> topicFilters, CancellationToken cancellationToken);

    Task<bool> TryPingAsync(CancellationToken cancellationToken);

    /// <summary>A normal disconnect: the broker keeps the session (and does not publish a will).</summary>
    Task DisconnectAsync(CancellationToken cancellationToken);
}
