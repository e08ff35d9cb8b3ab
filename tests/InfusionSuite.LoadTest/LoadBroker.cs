using System.Globalization;
using InfusionSuite.Testing;

namespace InfusionSuite.LoadTest;

/// <summary>
/// mosquitto on a free loopback port, configured as a site carrying a region should be (see
/// docs/performance.md): no cap on the QoS 1 messages in flight to a subscriber (the worker's
/// Receive Maximum is the cap), no cap on the queue while a subscriber catches up, Nagle off.
/// </summary>
internal sealed class LoadBroker : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private LoadBroker(ChildProcess process, int port)
    {
        _process = process;
        Port = port;
    }

    public string Host => "127.0.0.1";

    public int Port { get; }

    public int ProcessId => _process.Id;

    public static string Configuration(int port) => string.Create(CultureInfo.InvariantCulture, $"""
        listener {port} 127.0.0.1
        allow_anonymous true
        persistence false
        max_inflight_messages 0
        max_queued_messages 0
        set_tcp_nodelay true
        log_dest stdout
        log_type error
        log_type warning

        """);

    public static async Task<LoadBroker> StartAsync(Workspace workspace, CancellationToken cancellationToken)
    {
        var port = FreePort.Next();
        var config = workspace.PathOf("mosquitto.conf");
        await File.WriteAllTextAsync(config, Configuration(port), cancellationToken);
        var process = ChildProcess.Start("/usr/sbin/mosquitto", ["-c", config], workspace.PathOf("mosquitto.log"));
        var broker = new LoadBroker(process, port);
        try
        {
            await FreePort.WaitUntilListeningAsync(port, TimeSpan.FromSeconds(10), cancellationToken);
        }
        catch (TimeoutException exception)
        {
            await broker.DisposeAsync();
            throw new InvalidOperationException($"mosquitto did not start: {process.Tail()}", exception);
        }

        return broker;
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
