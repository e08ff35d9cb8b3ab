using System.Diagnostics;
using System.Globalization;

namespace InfusionSuite.Testing;

/// <summary>
/// A throwaway PostgreSQL cluster (Debian's packages, installed by ./test.sh) on a free loopback port in a
/// temp folder, one per test process: started on first use by <see cref="SharedAsync"/>, stopped when the
/// process exits. Each test takes a database of its own (<see cref="NewDatabase"/>). As root (initdb refuses
/// root) it runs as the postgres user, which owns the folder. Missing PostgreSQL fails the test, never skips it.
/// </summary>
public sealed class PostgreSqlCluster : IAsyncDisposable
{
    private static readonly Lazy<Task<PostgreSqlCluster>> s_shared = new(() => Task.Run(() => Start(durable: false)));
    private static int s_databases;

    private readonly string _binaries;
    private readonly string _directory;
    private int _stopped;
    private string _options = string.Empty;

    private PostgreSqlCluster(string binaries, string directory, int port)
    {
        _binaries = binaries;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    public string Host => "127.0.0.1";

    /// <summary>The cluster of this test process (started once; later callers wait for the same start), without fsync (tests only).</summary>
    public static Task<PostgreSqlCluster> SharedAsync() => s_shared.Value;

    /// <summary>A cluster of the caller's own, stopped by <see cref="DisposeAsync"/>; <paramref name="durable"/> keeps fsync and synchronous commit on, as a site runs it (for measurements).</summary>
    public static Task<PostgreSqlCluster> StartAsync(bool durable) => Task.Run(() => Start(durable));

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Stops the server as an operator does (<c>pg_ctl stop -m fast</c>: sessions ended with 57P01, a checkpoint), stays down
    /// for <paramref name="down"/>, and starts it again on the same port. Only on a cluster of the caller's own.
    /// </summary>
    public async Task StopAndStartAsync(TimeSpan down)
    {
        await StopServerAsync();
        await Task.Delay(down);
        await StartServerAgainAsync();
    }

    /// <summary>Stops the server as an operator does (<c>pg_ctl stop -m fast</c>); <see cref="StartServerAgainAsync"/> starts it on the same port.</summary>
    public Task StopServerAsync() => Task.Run(() => AsOwner("pg_ctl", "-D", Data, "-m", "fast", "-w", "-t", "60", "stop"));

    /// <summary>Starts the server stopped by <see cref="StopServerAsync"/> again, on the same port.</summary>
    public Task StartServerAgainAsync() =>
        Task.Run(() => AsOwner("pg_ctl", "-D", Data, "-l", Path.Combine(_directory, "log"), "-w", "-t", "60", "start", "-o", _options));

    /// <summary>A connection string to a database no other test uses; the store creates it when it migrates.</summary>
    public string NewDatabase() =>
        ConnectionString(string.Create(CultureInfo.InvariantCulture, $"t{Environment.ProcessId}_{Interlocked.Increment(ref s_databases)}"));

    public string ConnectionString(string database) =>
        string.Create(CultureInfo.InvariantCulture, $"Host={Host};Port={Port};Database={database};Username=postgres;Pooling=true;Maximum Pool Size=20");

    /// <summary>The folder of the cluster's programs (pg_dump, psql), for tests of commands that use them.</summary>
    public string Binaries => _binaries;

    private static PostgreSqlCluster Start(bool durable)
    {
        var binaries = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.Parse(Path.GetFileName(Path.GetDirectoryName(d))!, CultureInfo.InvariantCulture))
                .FirstOrDefault()
            : null;
        if (binaries is null)
        {
            throw new InvalidOperationException(
                "PostgreSQL is missing (no /usr/lib/postgresql/*/bin/initdb): these tests need the real server. Run ./test.sh, which installs it (apt-get install postgresql).");
        }

        RemoveStoppedClusters();
        var directory = Directory.CreateTempSubdirectory(FolderPrefix).FullName;
        var cluster = new PostgreSqlCluster(binaries, directory, FreePort.Next());
        if (Environment.IsPrivilegedProcess)
        {
            Run("/bin/chown", "postgres", directory);
        }

        cluster.AsOwner("initdb", "-D", cluster.Data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8");
        cluster._options = string.Create(CultureInfo.InvariantCulture, $"-p {cluster.Port} -k {directory} -c listen_addresses=127.0.0.1 -c max_connections=300 ")
            + (durable ? string.Empty : "-c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        cluster.AsOwner("pg_ctl", "-D", cluster.Data, "-l", Path.Combine(directory, "log"), "-w", "-t", "60", "start", "-o", cluster._options);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop();
        return cluster;
    }

    private string Data => Path.Combine(_directory, "data");

    private const string FolderPrefix = "infusionsuite-pg-";

    /// <summary>
    /// Folders of earlier runs whose cluster is stopped (no postmaster.pid) and that are older than ten
    /// minutes: the test host may end before its exit handler has deleted them.
    /// </summary>
    private static void RemoveStoppedClusters()
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            try
            {
                if (!File.Exists(Path.Combine(folder, "data", "postmaster.pid"))
                    && Directory.GetCreationTimeUtc(folder) < TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-10))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // another run's folder, or one going away: leave it
            }
        }
    }

    private void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        try
        {
            AsOwner("pg_ctl", "-D", Data, "-m", "immediate", "-w", "stop");
            Directory.Delete(_directory, recursive: true);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            // the process is ending: a leftover temp folder is harmless
        }
    }

    private void AsOwner(string program, params string[] arguments)
    {
        var path = Path.Combine(_binaries, program);
        if (Environment.IsPrivilegedProcess)
        {
            Run("/usr/sbin/runuser", ["-u", "postgres", "--", path, .. arguments]);
        }
        else
        {
            Run(path, arguments);
        }
    }

    private static void Run(string path, params string[] arguments)
    {
        var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{Path.GetFileName(path)} did not finish within 90 s.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(path)} {string.Join(' ', arguments)} failed ({process.ExitCode}): {output.Result}{error.Result}");
        }
    }
}
