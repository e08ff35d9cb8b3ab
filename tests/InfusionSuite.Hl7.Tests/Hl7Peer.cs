using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace InfusionSuite.Hl7.Tests;

/// <summary>
/// The test HL7 v2 receiver (tests/hl7-peer: @medplum/hl7's MLLP server with an hl7v2 dictionary
/// check) run with node on a loopback port. Fails, never skips, when Node or the packages are
/// missing (run ./test.sh, or npm ci in tests/hl7-peer).
/// </summary>
internal sealed class Hl7Peer : IAsyncDisposable
{
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(60);
    private readonly StringBuilder _output = new();
    private readonly List<PeerReceived> _received = [];
    private readonly Process _node;

    private Hl7Peer(Process node) => _node = node;

    public int Port { get; private set; }

    public IReadOnlyList<PeerReceived> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
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

    /// <summary>Starts a receiver on <paramref name="port"/> (0: a free one) answering as <paramref name="mode"/> (aa, ae, ar, silent).</summary>
    public static async Task<Hl7Peer> StartAsync(int port = 0, string mode = "aa")
    {
        var folder = PeerFolder();
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "@medplum", "hl7")) || !Directory.Exists(Path.Combine(folder, "node_modules", "hl7v2")))
        {
            throw new InvalidOperationException($"The test HL7 peer's packages are missing: run ./test.sh or `npm ci` in {folder}.");
        }

        var start = new ProcessStartInfo("node", ["server.mjs", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--mode", mode])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process node;
        try
        {
            node = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("Node.js is needed for the HL7 peer tests and was not found on PATH.", e);
        }

        var peer = new Hl7Peer(node);
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        node.OutputDataReceived += (_, e) => peer.OnLine(e.Data, listening);
        node.ErrorDataReceived += (_, e) => peer.Note(e.Data);
        node.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("The HL7 peer exited: " + peer.Output));
        node.EnableRaisingEvents = true;
        node.BeginOutputReadLine();
        node.BeginErrorReadLine();
        peer.Port = await listening.Task.WaitAsync(s_startTimeout);
        return peer;
    }

    /// <summary>Waits until the peer has recorded <paramref name="count"/> messages.</summary>
    public async Task<IReadOnlyList<PeerReceived>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (Received.Count < count)
        {
            try
            {
                await Task.Delay(20, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The HL7 peer received {Received.Count} of {count} messages. Its output:\n{Output}");
            }
        }

        return Received;
    }

    /// <summary>
    /// What the peer recorded for these control ids, in their order. The peer writes its record
    /// before it answers, but its output is read here asynchronously, so an ACK can arrive before
    /// the record does: this waits for each one.
    /// </summary>
    public async Task<IReadOnlyList<PeerReceived>> WaitForControlIdsAsync(IReadOnlyList<string> controlIds, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var received = Received;
            var found = controlIds.Select(id => received.SingleOrDefault(r => r.ControlId == id)).ToList();
            if (found.TrueForAll(r => r is not null))
            {
                return found!;
            }

            try
            {
                await Task.Delay(20, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The HL7 peer recorded {found.Count(r => r is not null)} of the {controlIds.Count} messages awaited. Its output:\n{Output}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_node.HasExited)
        {
            _node.Kill(entireProcessTree: true);
            await _node.WaitForExitAsync();
        }

        _node.Dispose();
    }

    private void OnLine(string? line, TaskCompletionSource<int> listening)
    {
        const string Listening = "listening on 127.0.0.1:";
        const string Received = "received ";
        Note(line);
        if (line?.StartsWith(Listening, StringComparison.Ordinal) == true)
        {
            listening.TrySetResult(int.Parse(line[Listening.Length..], System.Globalization.CultureInfo.InvariantCulture));
        }
        else if (line?.StartsWith(Received, StringComparison.Ordinal) == true)
        {
            var record = JsonSerializer.Deserialize<PeerReceived>(line[Received.Length..], new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
            lock (_received)
            {
                _received.Add(record);
            }
        }
    }

    private void Note(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private static string PeerFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "hl7-peer");
            if (File.Exists(Path.Combine(candidate, "server.mjs")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("tests/hl7-peer/server.mjs was not found above the test output folder.");
    }
}
