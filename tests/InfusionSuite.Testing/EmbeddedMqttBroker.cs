using System.Net;
using MQTTnet.Server;

namespace InfusionSuite.Testing;

/// <summary>
/// MQTTnet's own server in the test process, on a free loopback port, keeping sessions of clients
/// that ask for them. It can be stopped and started again on the same port.
/// </summary>
public sealed class EmbeddedMqttBroker : ITestMqttBroker
{
    private MqttServer? _server;
    private readonly Func<InterceptingPublishEventArgs, Task>? _onPublish;

    private EmbeddedMqttBroker(int port, Func<InterceptingPublishEventArgs, Task>? onPublish)
    {
        Port = port;
        _onPublish = onPublish;
    }

    public string Host => "127.0.0.1";

    public int Port { get; }

    /// <param name="cancellationToken">Ends the wait for the port.</param>
    /// <param name="onPublish">Runs before the server takes each publish (and before it answers a QoS 1 PUBACK): a test can hold a publish.</param>
    public static async Task<EmbeddedMqttBroker> StartAsync(CancellationToken cancellationToken, Func<InterceptingPublishEventArgs, Task>? onPublish = null)
    {
        var broker = new EmbeddedMqttBroker(FreePort.Next(), onPublish);
        await broker.StartAgainAsync(cancellationToken);
        return broker;
    }

    public async Task StartAgainAsync(CancellationToken cancellationToken)
    {
        var options = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointPort(Port)
            .WithDefaultEndpointReuseAddress()
            .WithPersistentSessions(true)
            .Build();
        _server = new MqttServerFactory().CreateMqttServer(options);
        if (_onPublish is not null)
        {
            _server.InterceptingPublishAsync += _onPublish;
        }

        await _server.StartAsync();
        await FreePort.WaitUntilListeningAsync(Port, TimeSpan.FromSeconds(5), cancellationToken);
    }

    /// <summary>Stops the server; its sessions and retained messages are gone, as in a crash.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is null)
        {
            return;
        }

        cancellationToken.ThrowIfCancellationRequested();
        await _server.StopAsync();
        _server.Dispose();
        _server = null;
    }

    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        await StopAsync(cancellationToken);
        await StartAgainAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);
}
