using System.Diagnostics;

namespace InfusionSuite.Testing;

/// <summary>A host's own executable (beside the test assembly) run as an operator runs it, in a working directory of the test's choosing.</summary>
public static class HostProcess
{
    /// <summary>Long enough for a command on a busy machine; a host that serves instead never exits and fails the test.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// <summary>Runs <c>dotnet <paramref name="assembly"/> args…</c>, writes <paramref name="stdin"/> (if any) and closes it; the exit code and both streams.</summary>
    /// <exception cref="TimeoutException">The process still ran after <see cref="Limit"/> (it was killed).</exception>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string assembly, string workingDirectory, string? stdin, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, assembly));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{assembly} {string.Join(' ', args)}' was still running after {Limit.TotalSeconds} s (did it start the service?)");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
