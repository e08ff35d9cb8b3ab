using System.Collections.Concurrent;
using System.Diagnostics;

namespace InfusionSuite.Host.Tests;

/// <summary>
/// The host's own executable (<c>dotnet InfusionSuite.Host.dll …</c>) run as a service runs: its
/// output read as it comes, stopped with SIGTERM as systemd stops it, its exit code as systemd sees it.
/// </summary>
internal sealed class HostRun
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentQueue<string> _error = new();

    /// <summary>The build output copied once into a folder every user can read (removed when the tests end).</summary>
    private static readonly Lazy<string> ReachableHostFolder = new(CopyBuildOutput);

    private HostRun(Process process) => _process = process;

    public string Output => string.Join('\n', _output);

    public string Error => string.Join('\n', _error);

    public IReadOnlyList<string> ErrorLines => [.. _error];

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Makes <paramref name="folder"/> unwritable for the host: read-only for everyone, and when the
    /// tests run as root (who writes anywhere) the host runs as <c>nobody</c> (see <see cref="StartAsync"/>).
    /// </summary>
    public static void MakeUnwritableForTheHost(string folder)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead
                | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
    }

    /// <summary>
    /// Starts the host with these arguments; as <c>nobody</c> when the tests run as root and
    /// <paramref name="unprivileged"/>, then from a copy of the build output that <c>nobody</c> can
    /// reach (a clone under a root-only folder, such as one made by <c>mktemp -d</c>, is not).
    /// </summary>
    public static Task<HostRun> StartAsync(string dataFolder, IEnumerable<string> args, bool unprivileged = false)
    {
        var asNobody = unprivileged && Environment.IsPrivilegedProcess;
        var hostFolder = asNobody ? ReachableHostFolder.Value : AppContext.BaseDirectory;
        var start = new ProcessStartInfo(asNobody ? "setpriv" : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = hostFolder,
        };
        if (asNobody)
        {
            foreach (var arg in new[] { "--reuid=65534", "--regid=65534", "--clear-groups", "--", "dotnet" })
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment["HOME"] = dataFolder;
        }

        start.ArgumentList.Add(Path.Combine(hostFolder, "InfusionSuite.Host.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var run = new HostRun(Process.Start(start)!);
        run._process.OutputDataReceived += (_, e) => Add(run._output, e.Data);
        run._process.ErrorDataReceived += (_, e) => Add(run._error, e.Data);
        run._process.BeginOutputReadLine();
        run._process.BeginErrorReadLine();
        return Task.FromResult(run);
    }

    public async Task WaitForOutputAsync(string text)
    {
        var waited = Stopwatch.StartNew();
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited || waited.Elapsed > Limit)
            {
                Kill();
                Assert.Fail($"the host did not say \"{text}\" (exited: {_process.HasExited}).\nstdout:\n{Output}\nstderr:\n{Error}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>The exit code; a host still running after the limit is killed and fails the test.</summary>
    public async Task<int> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            Assert.Fail($"the host was still running after {Limit.TotalSeconds} s.\nstdout:\n{Output}\nstderr:\n{Error}");
        }

        _process.WaitForExit(); // the output read to its end
        return _process.ExitCode;
    }

    /// <summary>SIGTERM, as <c>systemctl stop</c> sends; then the exit code.</summary>
    public async Task<int> StopAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        return await WaitForExitAsync();
    }

    /// <summary>SIGKILL, as a power cut or the OOM killer ends it: no stop, no last batch, no lease released.</summary>
    public async Task KillHardAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    private static void Add(ConcurrentQueue<string> lines, string? line)
    {
        if (line is not null)
        {
            lines.Enqueue(line);
        }
    }

    private void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    private static string CopyBuildOutput()
    {
        var copy = Directory.CreateTempSubdirectory("infusionsuite-host-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(copy, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // left for the OS to clean
            }
        };
        var source = AppContext.BaseDirectory;
        foreach (var directory in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories).Prepend(source))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(source, directory));
            Directory.CreateDirectory(target);
            MakeReadableByAll(target);
            // Not the static web assets manifest: it points into the source tree, which nobody may be unable to reach either.
            foreach (var file in Directory.EnumerateFiles(directory).Where(f => !f.EndsWith(".staticwebassets.runtime.json", StringComparison.Ordinal)))
            {
                File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
            }
        }

        return copy;
    }

    /// <summary>rwxr-xr-x: the owner (root) writes, everyone reads and enters.</summary>
    public static void MakeReadableByAll(string folder)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead
                | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
    }
}
