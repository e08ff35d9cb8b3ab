using InfusionSuite.Application.Board;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace InfusionSuite.Storage.PostgreSql;

/// <summary>
/// The board of every node on a database several workers share: at start it shows the open sessions its writer does not
/// hold (a standby's writer holds none; an owner's writer rebuilds those of its own sites itself, and holds no other
/// site's), then each session another worker's batch changed (<see cref="SessionChanges"/>, NOTIFY at that batch's
/// commit) is read back and shown, at most a second later.
/// </summary>
internal sealed partial class SessionChangesOnBoard(
    DatabaseConnections connections,
    NodeNotifications notifications,
    Application.Hosting.DatabaseOutage outage,
    IServiceProvider services,
    ILogger<SessionChangesOnBoard> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (connections is not PostgreSqlConnections postgreSql || services.GetService<IBoardRefresh>() is not { } board)
        {
            return;
        }

        var listened = 0;
        var pending = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            while (true)
            {
                var signal = notifications.SessionsSignal; // before the take: a NOTIFY during the read-back wakes the wait below at once
                var mark = outage.Mark();
                try
                {
                    if (notifications.Listening is var listening && listening != listened)
                    {
                        // At start, and again each time the listener came back (what was announced meanwhile was lost): an owner's
                        // writer rebuilds its own sites' open sessions (all of them when it owns the whole database); a standby's
                        // writer waits, so its board reads them all here, with every session it shows (one may have ended meanwhile).
                        var everySite = !postgreSql.Leases.IsHeld;
                        if (everySite || postgreSql.OwnedSites is not null)
                        {
                            pending.UnionWith(await SessionsToReadAsync(postgreSql, board.ShownEndedSince, listened > 0 ? Shown() : [], stoppingToken));
                            board.ShowReadings(await ControllerReadingsFromStore.ReadAsync(postgreSql, null, stoppingToken));
                        }

                        if (everySite)
                        {
                            await board.RefreshAsync([.. pending], stoppingToken);
                            pending.Clear();
                            board.EverySiteLoaded(); // a standby's board: loaded without its writer (issue 16: never "free" before it is known)
                        }

                        listened = listening;
                    }

                    if (notifications.TakeChangedControllers() is { Count: > 0 } controllers)
                    {
                        board.ShowReadings(await ControllerReadingsFromStore.ReadAsync(postgreSql, [.. controllers], stoppingToken));
                    }

                    pending.UnionWith(notifications.TakeChangedSessions());
                    if (pending.Count > 0)
                    {
                        await board.RefreshAsync([.. pending], stoppingToken);
                        pending.Clear();
                        outage.Reached("the board", mark); // only a look that used the database says it is back
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException && outage.Report("the board", e))
                {
                    // waited out: the sessions changed meanwhile are read again at the next look
                }
                catch (Exception e) when (e is NpgsqlException or TimeoutException or Application.Ports.StorageUnavailableException)
                {
                    LogRefreshFailed(logger, e.GetType().Name);
                }

                await notifications.WaitAsync(signal, NodeNotifications.Poll, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    /// <summary>The sessions this node's board shows that its writer does not hold.</summary>
    private string[] Shown() =>
        [.. services.GetService<IChairBoard>()?.Current().Select(row => row.SessionId).OfType<string>() ?? []];

    /// <summary>
    /// The sessions a board shows by the writer's rule (<see cref="IngestStore.ShownOnBoard"/>: open, or ended since
    /// <paramref name="endedSince"/>), and those of <paramref name="shown"/>, that this node's writer does not hold.
    /// </summary>
    private static async Task<List<string>> SessionsToReadAsync(
        PostgreSqlConnections postgreSql, DateTimeOffset endedSince, string[] shown, CancellationToken cancellationToken)
    {
        await using var connection = await postgreSql.DataSource.OpenConnectionAsync(cancellationToken);
        var owned = postgreSql.Leases.IsHeld ? postgreSql.OwnedSites : null;
        await using var query = new NpgsqlCommand(
            "SELECT s.session_id FROM sessions s WHERE (" + IngestStore.ShownOnBoard + " OR s.session_id = ANY(@shown))" +
            (owned is null ? string.Empty : " AND EXISTS (" + IngestStore.OtherSite + ")") + " ORDER BY s.session_key",
            connection);
        query.Parameters.AddWithValue("since", Sqlite.TelemetryColumns.Ms(endedSince));
        query.Parameters.AddWithValue("shown", shown);
        if (owned is not null)
        {
            query.Parameters.AddWithValue("sites", owned.ToArray());
        }

        var ids = new List<string>();
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The board could not read sessions other workers changed ({ErrorType}); trying again")]
    private static partial void LogRefreshFailed(ILogger logger, string errorType);
}
