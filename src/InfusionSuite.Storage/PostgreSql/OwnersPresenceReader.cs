using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace InfusionSuite.Storage.PostgreSql;

/// <summary>
/// Keeps <see cref="OwnersPresence"/> as the owners report it: reads <c>controller_presence</c> whenever an owner's batch
/// announced a change (<see cref="NodeNotifications.PresenceChannel"/>) and at least every <see cref="Every"/>, counting a row only
/// while the lease its writer held is live (same worker, same fencing number, not run out).
/// </summary>
internal sealed partial class OwnersPresenceReader(
    DatabaseConnections connections,
    NodeNotifications notifications,
    OwnersPresence presence,
    Application.Hosting.DatabaseOutage outage,
    ILogger<OwnersPresenceReader> logger) : BackgroundService
{
    /// <summary>The longest a dead owner's chairs stay online on other boards after its lease ran out.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(2);

    private const string Live =
        "SELECT p.controller_id, p.online FROM controller_presence p " +
        "JOIN site_leases l ON l.site = p.lease_site AND l.owner = p.worker AND l.fence = p.fence WHERE l.expires_at > clock_timestamp()";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (connections is not PostgreSqlConnections postgreSql)
        {
            return;
        }

        try
        {
            while (true)
            {
                var signal = notifications.PresenceSignal; // before the read: a NOTIFY during it wakes the wait below at once
                try
                {
                    presence.Replace(await ReadAsync(postgreSql, stoppingToken));
                    outage.Reached("the presence reader");
                }
                catch (Exception e) when (e is not OperationCanceledException && outage.Report("the presence reader", e))
                {
                    // waited out: read again at the next look
                }
                catch (Exception e) when (e is NpgsqlException or TimeoutException)
                {
                    LogReadFailed(logger, e.GetType().Name);
                }

                await notifications.WaitAsync(signal, Every, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    private static async Task<Dictionary<string, bool>> ReadAsync(PostgreSqlConnections postgreSql, CancellationToken cancellationToken)
    {
        await using var connection = await postgreSql.DataSource.OpenConnectionAsync(cancellationToken);
        await using var query = new NpgsqlCommand(Live, connection);
        var reported = new Dictionary<string, bool>(StringComparer.Ordinal);
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            reported[reader.GetString(0)] = reader.GetBoolean(1);
        }

        return reported;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The board could not read the controllers' presence the owners report ({ErrorType}); trying again")]
    private static partial void LogReadFailed(ILogger logger, string errorType);
}
