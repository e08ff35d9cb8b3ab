using Microsoft.Data.Sqlite;

namespace InfusionSuite.LoadTest;

/// <summary>
/// <c>serial</c>: P pseudo-terminal ports at R Hz into the worker; every seq of every controller
/// must be stored exactly once.
/// </summary>
internal static class SerialLoadRun
{
    public static async Task<int> RunAsync(LoadArguments arguments, Workspace workspace, LoadReport report, CancellationToken cancellationToken)
    {
        var time = TimeProvider.System;
        var perPort = (long)Math.Round(arguments.RateHz * arguments.Seconds);
        report.Line($"load: {arguments.Ports} serial ports (socat pseudo-terminals, 115200 baud) × {arguments.RateHz} Hz for {arguments.Seconds} s = {perPort * arguments.Ports:N0} CCT lines");
        await using var pairs = await PseudoTerminalPairs.StartAsync(workspace, arguments.Ports, cancellationToken);
        await using var storage = await LoadDatabase.CreateAsync(postgreSql: false, workspace);
        var database = workspace.PathOf("worker.db");
        await SessionSeeder.SeedAsync(storage.Settings(), Enumerable.Range(0, arguments.Ports).Select(SerialControllers.Id), cancellationToken);
        using var controllers = SerialControllers.Open(pairs.ControllerEnds);
        var settings = WorkerSettings.Serial(storage, pairs.WorkerEnds);
        foreach (var (key, value) in arguments.WorkerSettings)
        {
            settings[key] = value;
        }

        await using var worker = await WorkerProcess.StartAsync(WorkerProcess.Locate(arguments.WorkerPath), settings, workspace.PathOf("worker.log"), cancellationToken);
        await controllers.HelloWhenQueriedAsync(TimeSpan.FromSeconds(60), cancellationToken);
        var startedAt = time.GetUtcNow();
        await using var probe = new CommitProbe(storage, time) { Expected = perPort * arguments.Ports, MeasureFrom = startedAt };
        probe.Start();
        var cpu = new CpuWindow(worker.ProcessId, time);
        cpu.Begin();
        await controllers.RunAsync(arguments.RateHz, perPort, time, cancellationToken);
        cpu.End();
        var start = time.GetTimestamp();
        while (probe.Stored < perPort * arguments.Ports && time.GetElapsedTime(start) < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), time, cancellationToken);
        }

        await Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken); // anything extra (a duplicate) would show now
        await probe.DisposeAsync();
        var latency = probe.Latency;
        report.Line($"serial: {controllers.Written:N0} lines written ({controllers.WriteFailures} write failures), {probe.Stored:N0} samples stored ({probe.Folded:N0} folded)");
        report.Line($"serial: write → commit p50 {latency.Percentile(0.5)} ms, p99 {latency.Percentile(0.99)} ms, max {latency.MaxMs} ms; " +
            $"worker CPU {cpu.PercentOfOneCore:0.0} % of one core; peak memory {worker.PeakMemoryMb():0} MB");
        var bad = await CheckEverySeqOnceAsync(database, arguments.Ports, perPort, report, cancellationToken);
        report.Line($"load average at end: {LoadReport.LoadAverage()}");
        return bad == 0 ? 0 : 1;
    }

    /// <summary>Per controller: stored count, distinct seqs and their range must be exactly 1…N.</summary>
    private static async Task<int> CheckEverySeqOnceAsync(string database, int ports, long perPort, LoadReport report, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var query = connection.CreateCommand();
        query.CommandText = """
            SELECT c.controller_id, count(*), count(DISTINCT t.seq), min(t.seq), max(t.seq)
            FROM telemetry t JOIN controllers c ON c.controller_key = t.controller_key GROUP BY c.controller_id
            """;
        var seen = 0;
        var bad = 0;
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            seen++;
            var (count, distinct, min, max) = (reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
            if (count != perPort || distinct != perPort || min != 1 || max != perPort)
            {
                bad++;
                report.Line($"serial: {reader.GetString(0)}: {count} stored, {distinct} distinct, seq {min}…{max} (expected 1…{perPort})");
            }
        }

        bad += ports - seen;
        report.Line(bad == 0
            ? $"serial: every seq 1…{perPort} of all {ports} controllers stored exactly once: nothing lost"
            : $"serial: LOST or DUPLICATED on {bad} of {ports} controllers");
        return bad;
    }
}
