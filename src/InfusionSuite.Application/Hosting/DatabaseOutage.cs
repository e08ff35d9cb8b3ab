using InfusionSuite.Application.Ports;
using Microsoft.Extensions.Logging;

namespace InfusionSuite.Application.Hosting;

/// <summary>
/// This node's view of the database being away, shared by every loop that uses it (the ingest writer, the lease keeper,
/// the command relay, the listener, the outbox dispatch, the presence and board readers). A loop that meets an outage
/// (<see cref="IStorageOutages"/>) reports it and tries again later on a fresh connection; the operator reads one line
/// when the database is lost and one when it is reached again, without a stack trace or patient data.
/// </summary>
public sealed partial class DatabaseOutage(IStorageOutages outages, ILogger<DatabaseOutage> logger)
{
    private int _down;
    private long _begun;

    /// <summary>Raised at every outage reported (the storage drops its idle pooled connections: they died with the server).</summary>
    public event EventHandler? OutageSeen;

    /// <summary>True while the last thing any loop saw was an outage.</summary>
    public bool IsDown => Volatile.Read(ref _down) == 1;

    /// <summary>Whether <paramref name="exception"/> is an outage of the database (nothing logged).</summary>
    public bool IsOutage(Exception exception) => outages.OutageReason(exception) is not null;

    /// <summary>
    /// Whether <paramref name="exception"/> is an outage of the database; when it is, the first report of this outage logs
    /// one line naming <paramref name="part"/> (the loop that met it), and the caller waits and tries again.
    /// </summary>
    public bool Report(string part, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (outages.OutageReason(exception) is not { } reason)
        {
            return false;
        }

        if (Interlocked.Exchange(ref _down, 1) == 0)
        {
            Interlocked.Increment(ref _begun);
            LogLost(logger, part, reason);
        }

        OutageSeen?.Invoke(this, EventArgs.Empty);
        return true;
    }

    /// <summary>
    /// The mark a loop takes before it uses the database, and hands to <see cref="Reached"/> when that use succeeded: the
    /// number of outages begun so far.
    /// </summary>
    public long Mark() => Interlocked.Read(ref _begun);

    /// <summary>
    /// A loop used the database again: the first use after an outage logs that it is back. Only a use that began after the
    /// outage was reported (<paramref name="mark"/> taken from <see cref="Mark"/> before it) says so: a query already on its
    /// way when the server began to stop may still succeed, and would otherwise end the outage while the server is going
    /// down (a second "unreachable" line followed, issue 18's database restart under load).
    /// </summary>
    public void Reached(string part, long mark)
    {
        if (mark == Interlocked.Read(ref _begun) && Volatile.Read(ref _down) == 1 && Interlocked.Exchange(ref _down, 0) == 1)
        {
            LogBack(logger, part);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unreachable ({Reason}), seen by {Part}: every loop waits and tries again; nothing unstored is acknowledged")]
    private static partial void LogLost(ILogger logger, string part, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database reachable again (seen by {Part}); carrying on")]
    private static partial void LogBack(ILogger logger, string part);
}
