using InfusionSuite.Devices.Mqtt;

namespace InfusionSuite.Devices.IntegrationTests.Fakes;

/// <summary>A hand-written MQTT client: answers connects from a script and records what the link asked.</summary>
internal sealed class FakeMqttClientAdapter : IMqttClientAdapter
{
    private readonly Queue<MqttConnectOutcome> _outcomes = new();
    private int _connects;
    private int _subscribes;

    public bool IsConnected { get; set; }

    public Func<MqttInboundMessage, CancellationToken, Task>? MessageReceived { get; set; }

    public int Connects => Volatile.Read(ref _connects);

    public int Subscribes => Volatile.Read(ref _subscribes);

    /// <summary>The next CONNACKs, in order; once empty, connects succeed without a session.</summary>
    public void Answer(params MqttConnectOutcome[] outcomes)
    {
        lock (_outcomes)
        {
            foreach (var outcome in outcomes)
            {
                _outcomes.Enqueue(outcome);
            }
        }
    }

    public Task<MqttConnectOutcome> ConnectAsync(MqttLinkOptions options, CancellationToken cancellationToken)
    {
        MqttConnectOutcome outcome;
        lock (_outcomes)
        {
            outcome = _outcomes.Count > 0 ? _outcomes.Dequeue() : new MqttConnectOutcome(true, false, "Success");
        }

        IsConnected = outcome.Success;
        Interlocked.Increment(ref _connects);
        return Task.FromResult(outcome);
    }

    public Task<bool> SubscribeAsync(IReadOnlyList<string> topicFilters, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _subscribes);
        return Task.FromResult(true);
    }

    public Task<bool> TryPingAsync(CancellationToken cancellationToken) => Task.FromResult(IsConnected);

    public Task DisconnectAsync(CancellationToken cancellationToken)
    {
        IsConnected = false;
        return Task.CompletedTask;
    }

    public void Dispose()
    {
    }
}
