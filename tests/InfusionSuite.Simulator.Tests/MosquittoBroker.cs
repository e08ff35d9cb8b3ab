using System.Net;
using System.Net.Sockets;

namespace InfusionSuite.Simulator.Tests;

/// <summary>A real mosquitto on a free loopback port, shared by the MQTT tests; it fails them when mosquitto is missing.</summary>
public sealed class MosquittoBroker : IAsyncLifetime
{
    private string? _directory;
    private ExternalTool? _mosquitto;

    public int Port { get; private set; }

    public async Task InitializeAsync()
    {
        Port = FreePort();
        _directory = Directory.CreateTempSubdirectory("ccp-mosquitto-").FullName;
        var config = Path.Combine(_directory, "mosquitto.conf");
        await File.WriteAllTextAsync(config, $"listener {Port} 127.0.0.1\nallow_anonymous true\npersistence false\n");
        _mosquitto = ExternalTool.Start("/usr/sbin/mosquitto", "-c", config);
        await ExternalTool.WaitUntilAsync(Accepts, TimeSpan.FromSeconds(10), $"mosquitto on port {Port}");
    }

    public Task DisposeAsync()
    {
        _mosquitto?.Dispose();
        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }

        return Task.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private bool Accepts()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
