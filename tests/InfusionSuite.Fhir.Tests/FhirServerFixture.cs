using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace InfusionSuite.Fhir.Tests;

/// <summary>
/// Starts the test FHIR server (Medplum's FHIR router in tests/fhir-server) on a free loopback
/// port and waits until it answers. Fails, never skips, when Node or its packages are missing
/// (run ./test.sh, or npm ci in tests/fhir-server).
/// </summary>
public sealed class FhirServerFixture : IAsyncLifetime
{
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(60);
    private readonly System.Text.StringBuilder _output = new();
    private Process? _node;

    public Uri Root { get; private set; } = null!;

    public Uri FhirBase => new(Root, "fhir/");

    public Uri TokenEndpoint => new(Root, "auth/token");

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public async Task InitializeAsync()
    {
        var folder = ServerFolder();
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "@medplum", "fhir-router")))
        {
            throw new InvalidOperationException($"The test FHIR server's packages are missing: run ./test.sh or `npm ci` in {folder}.");
        }

        var start = new ProcessStartInfo("node", ["--experimental-websocket", "server.mjs", "--port", "0"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            _node = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("Node.js is needed for the FHIR server tests and was not found on PATH.", e);
        }

        _node.OutputDataReceived += (_, e) =>
        {
            const string Prefix = "listening on ";
            Note(e.Data);
            if (e.Data?.StartsWith(Prefix, StringComparison.Ordinal) == true)
            {
                listening.TrySetResult(new Uri(e.Data[Prefix.Length..].Trim() + "/"));
            }
        };
        _node.ErrorDataReceived += (_, e) => Note(e.Data);
        _node.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("The test FHIR server exited: " + Output));
        _node.EnableRaisingEvents = true;
        _node.BeginOutputReadLine();
        _node.BeginErrorReadLine();
        Root = await listening.Task.WaitAsync(s_startTimeout);
        using var health = await Http.GetAsync(new Uri(Root, "__control/health"));
        health.EnsureSuccessStatusCode();
    }

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

    /// <summary>Empties the server and clears every injected fault and auth requirement.</summary>
    public Task ResetAsync() => Control("reset");

    public async Task Control(string command, HttpContent? body = null)
    {
        using var response = await Http.PostAsync(new Uri(Root, "__control/" + command), body);
        response.EnsureSuccessStatusCode();
    }

    public async Task<JsonElement> StatsAsync() => await Http.GetFromJsonAsync<JsonElement>(new Uri(Root, "__control/stats"));

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_node is { HasExited: false })
        {
            _node.Kill(entireProcessTree: true);
            await _node.WaitForExitAsync();
        }

        _node?.Dispose();
    }

    private void Note(string? line)
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

    internal static string ServerFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "fhir-server");
            if (File.Exists(Path.Combine(candidate, "server.mjs")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("tests/fhir-server/server.mjs was not found above the test output folder.");
    }
}

[CollectionDefinition(Name)]
public sealed class FhirServerCollection : ICollectionFixture<FhirServerFixture>
{
    public const string Name = "FHIR server";
}
