using System.Globalization;
using System.Reflection;
using InfusionSuite.Testing;

namespace InfusionSuite.LoadTest;

/// <summary>
/// The real worker (InfusionSuite.Host) as its own process, configured through environment
/// variables (<c>Section__Key</c>), so its CPU and memory are its own.
/// </summary>
internal sealed class WorkerProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;
    private readonly int _httpPort;

    private WorkerProcess(ChildProcess process, int httpPort)
    {
        _process = process;
        _httpPort = httpPort;
    }

    public int ProcessId => _process.Id;

    /// <summary>InfusionSuite.Host.dll as built beside this tool (same configuration), unless given.</summary>
    public static string Locate(string? given)
    {
        if (given is not null)
        {
            return Path.GetFullPath(given);
        }

        var configuration = typeof(WorkerProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "InfusionSuite.sln")))
            {
                var dll = Path.Combine(dir.FullName, "src", "InfusionSuite.Host", "bin", configuration, "net10.0", "InfusionSuite.Host.dll");
                return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} is missing: build the tool first (it builds the worker).");
            }
        }

        throw new InvalidOperationException("The repository root was not found: pass --worker PATH.");
    }

    public static async Task<WorkerProcess> StartAsync(
        string dll, IReadOnlyDictionary<string, string> settings, string logPath, CancellationToken cancellationToken)
    {
        var httpPort = FreePort.Next();
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{httpPort}",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        };
        foreach (var (key, value) in settings)
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = ChildProcess.Start("dotnet", [dll], logPath, environment);
        var worker = new WorkerProcess(process, httpPort);
        await worker.WaitReadyAsync(cancellationToken);
        return worker;
    }

    public double CpuSeconds() => ProcessUsage.CpuSeconds(ProcessId);

    public double PeakMemoryMb() => ProcessUsage.PeakMemoryMb(ProcessId);

    public Task StopAsync() => _process.StopAsync(TimeSpan.FromSeconds(15));

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private async Task WaitReadyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromMinutes(3));
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The worker exited: {_process.Tail()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{_httpPort}/health/ready")), deadline.Token);
                // Healthy, not only 200: on PostgreSQL a node serves nurses (200) before its writer and MQTT link are up (degraded).
                if (response.IsSuccessStatusCode
                    && (await response.Content.ReadAsStringAsync(deadline.Token)).StartsWith("{\"status\":\"Healthy\"", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException) when (!deadline.IsCancellationRequested)
            {
                // a slow answer while it starts
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token);
        }
    }
}
