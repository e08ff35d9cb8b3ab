using System.Globalization;

namespace InfusionSuite.Testing;

/// <summary>
/// A real mosquitto broker on a free loopback port, anonymous, without persistence to disk
/// (sessions and queued QoS 1 messages still live in memory while it runs). It can be stopped and
/// started again on the same port, as a broker restart looks to a client.
/// </summary>
public sealed class MosquittoBroker : ITestMqttBroker
{
    public const string ExecutablePath = "/usr/sbin/mosquitto";

    private readonly string _directory;
    private readonly string _configPath;
    private ExternalTool? _process;

    private MosquittoBroker(string directory, int port)
    {
        _directory = directory;
        _configPath = Path.Combine(directory, "mosquitto.conf");
        Port = port;
    }

    public string Host => "127.0.0.1";

    public int Port { get; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Broker output so far, for failure messages.</summary>
    public string Output => _process?.Output ?? string.Empty;

    public static Task<MosquittoBroker> StartAsync(CancellationToken cancellationToken) =>
        StartWithListenerAsync("max_queued_messages 10000", cancellationToken);

    /// <summary>
    /// A broker that keeps its sessions and queued QoS 1 messages on disk (<c>persistence true</c>, as a site runs it):
    /// saved at a clean stop (<see cref="StopCleanlyAsync"/>) and loaded when it starts again.
    /// </summary>
    public static Task<MosquittoBroker> StartPersistentAsync(CancellationToken cancellationToken) =>
        StartWithListenerAsync("max_queued_messages 10000", cancellationToken, persistent: true);

    /// <summary>
    /// A broker with one TLS listener using <paramref name="certificates"/>' server certificate; with
    /// <paramref name="requireClientCertificate"/> it refuses clients without a certificate its CA signed (mutual TLS).
    /// </summary>
    public static Task<MosquittoBroker> StartTlsAsync(TestCertificates certificates, bool requireClientCertificate, CancellationToken cancellationToken) =>
        StartWithListenerAsync(string.Create(CultureInfo.InvariantCulture, $"""
            cafile {certificates.CaFile}
            certfile {certificates.ServerCertificateFile}
            keyfile {certificates.ServerKeyFile}
            require_certificate {(requireClientCertificate ? "true" : "false")}
            """), cancellationToken);

    private static async Task<MosquittoBroker> StartWithListenerAsync(string listenerSettings, CancellationToken cancellationToken, bool persistent = false)
    {
        var directory = Directory.CreateTempSubdirectory("mosquitto-").FullName;
        var broker = new MosquittoBroker(directory, FreePort.Next());
        if (persistent && !OperatingSystem.IsWindows())
        {
            // mosquitto started as root drops to its own user, who must be able to write its file here.
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead
                | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute);
        }

        await File.WriteAllTextAsync(broker._configPath, string.Create(CultureInfo.InvariantCulture, $"""
            listener {broker.Port} 127.0.0.1
            allow_anonymous true
            {(persistent ? $"persistence true\npersistence_location {directory}/" : "persistence false")}
            {listenerSettings}
            log_dest stdout
            log_type error
            log_type warning

            """), cancellationToken);
        await broker.StartProcessAsync(cancellationToken);
        return broker;
    }

    /// <summary>Kills the broker (no clean shutdown). Sessions and queued messages are lost, as in a crash.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_process is not null)
        {
            await _process.KillAsync(cancellationToken);
            _process.Dispose();
            _process = null;
        }
    }

    /// <summary>Stops the broker as its service manager does (SIGTERM): a persistent one saves its sessions and queued messages first.</summary>
    public async Task StopCleanlyAsync(CancellationToken cancellationToken)
    {
        if (_process is not null)
        {
            await _process.TerminateAsync(cancellationToken);
            _process.Dispose();
            _process = null;
        }
    }

    /// <summary>Starts the broker again on the same port.</summary>
    public Task StartAgainAsync(CancellationToken cancellationToken) => StartProcessAsync(cancellationToken);

    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        await StopAsync(cancellationToken);
        await StartProcessAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless
        }
    }

    private async Task StartProcessAsync(CancellationToken cancellationToken)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("mosquitto is already running.");
        }

        // The port may still be held for a moment after a kill: try a few times.
        for (var attempt = 1; ; attempt++)
        {
            _process = ExternalTool.Start(ExecutablePath, "-c", _configPath);
            try
            {
                await FreePort.WaitUntilListeningAsync(Port, TimeSpan.FromSeconds(5), cancellationToken);
                return;
            }
            catch (TimeoutException) when (attempt < 3)
            {
                _process.Dispose();
                _process = null;
            }
            catch (TimeoutException exception)
            {
                throw new InvalidOperationException($"mosquitto did not start on port {Port}: {_process.Output}", exception);
            }
        }
    }
}
