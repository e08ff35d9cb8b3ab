using System.Diagnostics;

namespace InfusionSuite.Simulator.Tests;

/// <summary>A real tool (mosquitto, socat) started by a test and stopped, by its own process, when disposed.</summary>
internal sealed class ExternalTool : IDisposable
{
    private readonly Process _process;

    private ExternalTool(Process process) => _process = process;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the tool; a missing tool fails the test (these tests never skip).</summary>
    public static ExternalTool Start(string path, params string[] arguments)
    {
        Assert.True(File.Exists(path), $"{path} is missing: install it (./test.sh installs mosquitto and socat)");
        var info = new ProcessStartInfo(path) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info)!;
        process.ErrorDataReceived += (_, _) => { };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return new ExternalTool(process);
    }

    /// <summary>Waits (real time, bounded) until <paramref name="ready"/> holds.</summary>
    public static async Task WaitUntilAsync(Func<bool> ready, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!ready())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out after {timeout.TotalSeconds} s waiting for {what}");
            await Task.Delay(20);
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }

        _process.Dispose();
    }
}
