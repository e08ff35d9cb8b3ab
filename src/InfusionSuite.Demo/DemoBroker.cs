using System.Net;
using MQTTnet.Server;

namespace InfusionSuite.Demo;

/// <summary>
/// The demo's MQTT broker: MQTTnet's server on a loopback port, keeping the sessions of clients that
/// ask for it (the worker's link). Started before the links, stopped after them.
/// </summary>
internal sealed class DemoBroker(DemoSettings settings) : IHostedService, IDisposable
{
    private MqttServer? _server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var options = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointPort(settings.BrokerPort)
            .WithPersistentSessions(true)
            .Build();
        _server = new MqttServerFactory().CreateMqttServer(options);
        await _server.StartAsync();
        DemoBrokerPort.Keep(settings.DataFolder, settings.BrokerPort);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            await _server.StopAsync();
        }
    }

    public void Dispose() => _server?.Dispose();
}
