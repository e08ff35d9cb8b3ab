using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace InfusionSuite.Storage.PostgreSql;

/// <summary>
/// Keeps <see cref="OwnersPresence"/> as the owners report it: reads <c>controller_presence</c> whenever an owner's batch
/// announced a change (<see cref="NodeNotifications.PresenceChannel"/>) and at least every <see cref="Every"/>. A row counts
/// as online only while the lease its writer held is live (same worker, same fencing number, not run out). A row whose lease
/// is gone (its owner died, or was taken over) still says the controller is known, offline, for <see cref="PreviousOwnersKeptFor"/>
/// after its last change: the chairs a dead owner had seen go offline stay in every board's urgency strip, the new owner's
/// too, until it hears them itself (issue 18's trial: the new owner's strip said nothing needed a nurse after a takeover).
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

    /// <summary>
    /// How long a report left by an owner that lost its lease still makes its controller known: the suite's day, as long as
    /// the board keeps a chair last known in use (<c>NurseStation:UnconfiguredChairKeptFor</c>'s default); a controller
    /// retired while its site changed owner leaves the strip after it.
    /// </summary>
    public static readonly TimeSpan PreviousOwnersKeptFor = TimeSpan.FromHours(12);

    private const string Reports =
        "SELECT p.controller_id, p.online, l.owner IS NOT NULL AS live FROM controller_presence p " +
        "LEFT JOIN site_leases l ON l.site = p.lease_site AND l.owner = p.worker AND l.fence = p.fence AND l.expires_at > clock_timestamp() " +
        "WHERE l.owner IS NOT NULL OR p.changed_at > clock_timestamp() - @kept";

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
                var mark = outage.Mark();
                try
                {
                    presence.Replace(await ReadAsync(postgreSql, stoppingToken));
                    outage.Reached("the presence reader", mark);
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

    /// <summary>Every report that counts (<see cref="OwnersPresence"/>), by controller id.</summary>
    internal static async Task<Dictionary<string, OwnerReport>> ReadAsync(PostgreSqlConnections postgreSql, CancellationToken cancellationToken)
    {
        await using var connection = await postgreSql.DataSource.OpenConnectionAsync(cancellationToken);
        await using var query = new NpgsqlCommand(Reports, connection) { Parameters = { new("kept", PreviousOwnersKeptFor) } };
        var reported = new Dictionary<string, OwnerReport>(StringComparer.Ordinal);
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            reported[reader.GetString(0)] = new OwnerReport(reader.GetBoolean(1), reader.GetBoolean(2));
        }

        return reported;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The board could not read the controllers' presence the owners report ({ErrorType}); trying again")]
    private static partial void LogReadFailed(ILogger logger, string errorType);
}
