namespace InfusionSuite.Testing;

/// <summary>Starts a test broker by name, for tests that run against both.</summary>
public static class TestBrokers
{
    public const string Mosquitto = "mosquitto";
    public const string MqttNet = "mqttnet";

    public static async Task<ITestMqttBroker> StartAsync(string kind, CancellationToken cancellationToken) => kind switch
    {
        Mosquitto => await MosquittoBroker.StartAsync(cancellationToken),
        MqttNet => await EmbeddedMqttBroker.StartAsync(cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "mosquitto or mqttnet"),
    };
}
