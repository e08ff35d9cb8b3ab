namespace InfusionSuite.LoadTest;

/// <summary>
/// P socat pseudo-terminal pairs: the worker opens each <c>ttyA</c>, a virtual controller writes to
/// its <c>ttyB</c>, as over a null-modem cable.
/// </summary>
internal sealed class PseudoTerminalPairs : IAsyncDisposable
{
    private readonly List<ChildProcess> _socats = [];

    private PseudoTerminalPairs(Workspace workspace, int count)
    {
        WorkerEnds = [.. Enumerable.Range(0, count).Select(i => workspace.PathOf($"ttyA{i}"))];
        ControllerEnds = [.. Enumerable.Range(0, count).Select(i => workspace.PathOf($"ttyB{i}"))];
    }

    public IReadOnlyList<string> WorkerEnds { get; }

    public IReadOnlyList<string> ControllerEnds { get; }

    public static async Task<PseudoTerminalPairs> StartAsync(Workspace workspace, int count, CancellationToken cancellationToken)
    {
        var pairs = new PseudoTerminalPairs(workspace, count);
        for (var i = 0; i < count; i++)
        {
            pairs._socats.Add(ChildProcess.Start(
                "/usr/bin/socat", ["-d", "-d", $"pty,raw,echo=0,link={pairs.WorkerEnds[i]}", $"pty,raw,echo=0,link={pairs.ControllerEnds[i]}"],
                workspace.PathOf($"socat{i}.log")));
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(20));
        for (var i = 0; i < count; i++)
        {
            while (!(File.Exists(pairs.WorkerEnds[i]) && File.Exists(pairs.ControllerEnds[i])
                && File.ReadAllText(pairs._socats[i].LogPath).Contains("starting data transfer loop", StringComparison.Ordinal)))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), deadline.Token);
            }
        }

        return pairs;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var socat in _socats)
        {
            await socat.DisposeAsync();
        }
    }
}
