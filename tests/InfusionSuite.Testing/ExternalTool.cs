using System.Diagnostics;
using System.Text;

namespace InfusionSuite.Testing;

/// <summary>
/// A program a test needs (mosquitto, socat) run as a child process. A missing program fails the
/// test with the way to install it: such tests never skip.
/// </summary>
internal sealed class ExternalTool : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ExternalTool(Process process) => _process = process;

    public bool HasExited => _process.HasExited;

    /// <summary>What the program wrote to stdout and stderr so far (for failure messages).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static ExternalTool Start(string path, params string[] arguments)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"{path} is missing: these tests need the real program. Run ./test.sh, which installs it (apt-get install mosquitto socat).");
        }

        var start = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        var tool = new ExternalTool(process);
        process.OutputDataReceived += (_, e) => tool.Append(e.Data);
        process.ErrorDataReceived += (_, e) => tool.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return tool;
    }

    /// <summary>Kills the program at once (SIGKILL: no clean shutdown, like a crash or a pulled cable) and waits for it to exit.</summary>
    public async Task KillAsync(CancellationToken cancellationToken)
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(5));
        await _process.WaitForExitAsync(deadline.Token);
    }

    /// <summary>Asks the program to stop (SIGTERM: a clean shutdown, as a service manager stops it) and waits for it to exit.</summary>
    public async Task TerminateAsync(CancellationToken cancellationToken)
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync(cancellationToken);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(10));
        await _process.WaitForExitAsync(deadline.Token);
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
