namespace InfusionSuite.Testing;

/// <summary>A real MQTT broker started by a test: mosquitto or MQTTnet's own server.</summary>
public interface ITestMqttBroker : IAsyncDisposable
{
    string Host { get; }

    int Port { get; }

    /// <summary>Stops the broker (losing its sessions, as in a crash) and starts it again on the same port.</summary>
    Task RestartAsync(CancellationToken cancellationToken);

    Task StopAsync(CancellationToken cancellationToken);

    Task StartAgainAsync(CancellationToken cancellationToken);
}
