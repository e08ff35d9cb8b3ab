using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using InfusionSuite.Application;
using InfusionSuite.Application.Board;
using InfusionSuite.Devices;
using InfusionSuite.Devices.Links;
using InfusionSuite.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace InfusionSuite.LoadTest;

/// <summary>
/// What a node pays to keep its board live for chairs another worker owns (a database several workers share): each
/// session that worker's batches changed is read back from the database and replayed, by the product's own
/// <see cref="IBoardRefresh"/>. At 1 Hz every chair changes every second, so one pass over every session is the work
/// such a node does each second. Measured after the run on the run's database (the worker stopped), in this process,
/// with the product's storage on either engine: three passes, the median.
/// </summary>
internal static class BoardReadBack
{
    private const int Passes = 3;

    public static async Task MeasureAsync(LoadDatabase database, LoadReport report, CancellationToken cancellationToken)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(database.Settings().Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        builder.AddControllerLinks(ControllerQueueConsumer.Registered);
        builder.AddStorage();
        builder.AddIngest();
        using var host = builder.Build(); // never started: no writer, only the board's read-back
        var refresh = host.Services.GetRequiredService<IBoardRefresh>();

        var (ids, rows) = await SessionsAsync(database, cancellationToken);
        var passes = new List<(TimeSpan Wall, double Cpu)>();
        for (var i = 0; i < Passes; i++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            await refresh.RefreshAsync(ids, cancellationToken);
            passes.Add((wall.Elapsed, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds));
        }

        var (median, medianCpu) = passes.OrderBy(p => p.Wall).ElementAt(Passes / 2);
        report.Line(string.Create(CultureInfo.InvariantCulture,
            $"board read-back (a node following chairs another worker owns; every session changed once): {ids.Count:N0} sessions of {(double)rows / Math.Max(1, ids.Count):0} stored rows each: " +
            $"{median.TotalSeconds:0.00} s a pass, {median.TotalMilliseconds / Math.Max(1, ids.Count):0.00} ms a session, {medianCpu:0.00} CPU s in the reading process " +
            $"(passes {string.Join(", ", passes.Select(p => p.Wall.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)))} s)"));
    }

    /// <summary>The open sessions, and the rows their logs hold (samples and other inputs).</summary>
    private static async Task<(List<string> Ids, long Rows)> SessionsAsync(LoadDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var ids = new List<string>();
        await using (var query = Command(connection, "SELECT session_id FROM sessions WHERE ended_at_ms IS NULL ORDER BY session_key"))
        await using (var reader = await query.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetString(0));
            }
        }

        await using var count = Command(connection,
            "SELECT (SELECT count(*) FROM telemetry WHERE session_key IS NOT NULL) + (SELECT count(*) FROM session_inputs WHERE session_key IS NOT NULL)");
        return (ids, Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture));
    }

    private static DbCommand Command(DbConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }
}
