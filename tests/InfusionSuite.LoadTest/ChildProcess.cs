using System.Diagnostics;
using System.Text;

namespace InfusionSuite.LoadTest;

/// <summary>
/// A program the run needs (mosquitto, mosquitto_sub, socat, the worker) as a child process. Output
/// goes to a log file; with <c>countLines</c> stdout is only counted (one line per message for
/// mosquitto_sub) and thrown away, as <c>&gt; /dev/null</c> would.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task _stdout;
    private readonly Task _stderr;
    private long _lines;

    private ChildProcess(Process process, string logPath, bool countLines)
    {
        _process = process;
        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        var gate = new Lock();
        _stdout = countLines ? CountAsync(process.StandardOutput.BaseStream) : CopyAsync(process.StandardOutput, log, gate);
        _stderr = CopyAsync(process.StandardError, log, gate);
        LogPath = logPath;
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string LogPath { get; }

    /// <summary>Lines read from stdout so far (with <c>countLines</c>).</summary>
    public long Lines => Interlocked.Read(ref _lines);

    public static ChildProcess Start(
        string program, IEnumerable<string> arguments, string logPath, IReadOnlyDictionary<string, string>? environment = null, bool countLines = false)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        return new ChildProcess(process, logPath, countLines);
    }

    /// <summary>SIGTERM (a graceful stop), then SIGKILL after <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var deadline = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public string Tail(int lines = 20)
    {
        try
        {
            var all = File.ReadAllLines(LogPath);
            return string.Join(Environment.NewLine, all.Skip(Math.Max(0, all.Length - lines)));
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        await Task.WhenAll(_stdout, _stderr).ContinueWith(_ => { }, TaskScheduler.Default);
        _process.Dispose();
    }

    private static async Task CopyAsync(StreamReader reader, StreamWriter log, Lock gate)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (gate)
            {
                log.WriteLine(line);
            }
        }
    }

    private async Task CountAsync(Stream stream)
    {
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            Interlocked.Add(ref _lines, buffer.AsSpan(0, read).Count((byte)'\n'));
        }
    }

    internal static string Describe(IEnumerable<string> arguments) =>
        new StringBuilder().AppendJoin(' ', arguments).ToString();
}
