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
    IServiceProvider services,
    ILogger<SessionChangesOnBoard> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (connections is not PostgreSqlConnections postgreSql || services.GetService<IBoardRefresh>() is not { } board)
        {
            return;
        }

        var loaded = false;
        try
        {
            while (true)
            {
                try
                {
                    if (!loaded)
                    {
                        // An owner's writer rebuilds its own sites' open sessions (all of them when it owns the whole database);
                        // a standby's writer waits, so its board reads them all here.
                        var everySite = !postgreSql.Leases.IsHeld;
                        if (everySite || postgreSql.OwnedSites is not null)
                        {
                            await board.RefreshAsync(await OpenSessionsAsync(postgreSql, stoppingToken), stoppingToken);
                        }

                        if (everySite)
                        {
                            board.EverySiteLoaded(); // a standby's board: loaded without its writer (issue 16: never "free" before it is known)
                        }

                        loaded = true;
                    }

                    if (notifications.TakeChangedSessions() is { Count: > 0 } changed)
                    {
                        await board.RefreshAsync(changed, stoppingToken);
                    }
                }
                catch (Exception e) when (e is NpgsqlException or TimeoutException or Application.Ports.StorageUnavailableException)
                {
                    LogRefreshFailed(logger, e.GetType().Name);
                }

                await notifications.WaitForSessionChangesAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    private static async Task<List<string>> OpenSessionsAsync(PostgreSqlConnections postgreSql, CancellationToken cancellationToken)
    {
        await using var connection = await postgreSql.DataSource.OpenConnectionAsync(cancellationToken);
        var owned = postgreSql.Leases.IsHeld ? postgreSql.OwnedSites : null;
        await using var query = new NpgsqlCommand(
            "SELECT s.session_id FROM sessions s WHERE s.ended_at_ms IS NULL" +
            (owned is null ? string.Empty : " AND EXISTS (" + IngestStore.OtherSite + ")") + " ORDER BY s.session_key",
            connection);
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
