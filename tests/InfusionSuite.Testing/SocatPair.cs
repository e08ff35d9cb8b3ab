namespace InfusionSuite.Testing;

/// <summary>
/// A real pseudo-terminal pair made by socat: what one side writes, the other reads, as over a
/// null-modem cable. <see cref="PortA"/> and <see cref="PortB"/> are stable paths (symlinks) that
/// survive <see cref="KillAsync"/> and <see cref="StartAgainAsync"/>, like a USB serial adapter
/// that is pulled and plugged in again.
/// </summary>
public sealed class SocatPair : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/socat";

    private readonly string _directory;
    private ExternalTool? _process;

    private SocatPair(string directory)
    {
        _directory = directory;
        PortA = Path.Combine(directory, "ttyA");
        PortB = Path.Combine(directory, "ttyB");
    }

    public string PortA { get; }

    public string PortB { get; }

    public bool IsRunning => _process is { HasExited: false };

    public static async Task<SocatPair> StartAsync(CancellationToken cancellationToken)
    {
        var pair = new SocatPair(Directory.CreateTempSubdirectory("socat-").FullName);
        await pair.StartAgainAsync(cancellationToken);
        return pair;
    }

    public async Task StartAgainAsync(CancellationToken cancellationToken)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("socat is already running.");
        }

        _process = ExternalTool.Start(
            ExecutablePath,
            "-d", "-d",
            $"pty,raw,echo=0,link={PortA}",
            $"pty,raw,echo=0,link={PortB}");

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            // socat logs "starting data transfer loop" once both ends exist.
            while (!(File.Exists(PortA) && File.Exists(PortB) && _process.Output.Contains("starting data transfer loop", StringComparison.Ordinal)))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(10), deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"socat did not make the pseudo-terminal pair: {_process.Output}");
        }
    }

    /// <summary>
    /// Kills socat: both pseudo-terminals vanish, as when a serial adapter is pulled. Returns once socat
    /// has exited; with readers polling the ends, the kernel takes a second or two after SIGKILL to tear
    /// the pair down (it waits in one-second steps while a reader is queued), and the ports vanish then.
    /// </summary>
    public async Task KillAsync(CancellationToken cancellationToken)
    {
        if (_process is not null)
        {
            await _process.KillAsync(cancellationToken);
            _process.Dispose();
            _process = null;
        }

        // SIGKILL leaves the symlinks dangling; remove them as the device node would vanish.
        File.Delete(PortA);
        File.Delete(PortB);
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync(CancellationToken.None);
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless
        }
    }
}
