using InfusionSuite.Application.Hosting;
using InfusionSuite.Application.Ports;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace InfusionSuite.Storage.PostgreSql;

/// <summary>
/// The leases of this worker's sites in <c>site_leases</c> (one row per site: owner, fencing number, expiry on the
/// database's clock). A worker takes each of its sites when no lease is live on it (none yet, run out, or its
/// own), and every take raises the site's fencing number. Every batch the worker commits first checks, in its
/// transaction and with the rows locked against a takeover until it commits, that each site still carries the
/// number it took: a worker whose lease was taken over (it stalled, or lost the database for longer than the
/// lease) is refused and writes nothing. The lease's time decides only when a standby may take over.
/// </summary>
internal sealed partial class SiteLeases : IWriterLease
{
    /// <summary>The one lease of a worker with no sites listed: the whole database.</summary>
    public const string WholeDatabase = "*";

    /// <summary>The lease of the outbox's dispatch (outside the site names' alphabet): one owner worker at a time sends.</summary>
    public const string OutboxDispatch = "#outbox";

    private readonly NpgsqlDataSource _dataSource;
    private readonly string[] _sites;
    private readonly long[] _fences;
    private readonly TimeProvider _time;
    private readonly DatabaseOutage _outage;
    private readonly ILogger<SiteLeases> _logger;
    private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _taking = new(1, 1);
    private readonly SemaphoreSlim _dispatching = new(1, 1);
    private long _dispatchFence;
    private volatile bool _released;

    public SiteLeases(NpgsqlDataSource dataSource, SiteLeaseOptions options, DatabaseOutage outage, TimeProvider time, ILogger<SiteLeases> logger)
    {
        _dataSource = dataSource;
        _outage = outage;
        _sites = options.Sites.Count == 0 ? [WholeDatabase] : [.. options.Sites.Order(StringComparer.Ordinal)];
        _fences = new long[_sites.Length];
        Duration = options.Duration;
        Worker = string.IsNullOrWhiteSpace(options.Worker)
            ? $"{Environment.MachineName}-{Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)}"
            : options.Worker;
        _time = time;
        _logger = logger;
    }

    public string Worker { get; }

    public TimeSpan Duration { get; }

    public IReadOnlyList<string> Sites => _sites;

    /// <summary>The fencing number this worker holds for each of <see cref="Sites"/> (0 until held).</summary>
    public IReadOnlyList<long> Fences => _fences;

    public bool IsHeld => _held.Task.IsCompletedSuccessfully;

    public Task WaitUntilHeldAsync(CancellationToken cancellationToken) => _held.Task.WaitAsync(cancellationToken);

    /// <summary>How often a standby looks whether a lease it waits for has run out, and how soon a failed renewal is tried again.</summary>
    public TimeSpan Poll => TimeSpan.FromTicks(Math.Clamp(Duration.Ticks / 10, TimeSpan.FromMilliseconds(100).Ticks, TimeSpan.FromSeconds(2).Ticks));

    /// <summary>
    /// Takes every site, in name order (so two standbys never wait on each other), waiting as a standby for
    /// each one another worker holds and renewing the ones already taken meanwhile.
    /// </summary>
    public async Task AcquireAsync(CancellationToken cancellationToken)
    {
        await _taking.WaitAsync(cancellationToken);
        try
        {
            string? waitingFor = null;
            var takeFrom = DateTimeOffset.MinValue;
            var afterOutage = false;
            for (var i = _fences.Count(f => f > 0); i < _sites.Length;)
            {
                var mark = _outage.Mark();
                try
                {
                    await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
                    _outage.Reached("the site leases", mark);
                    if (afterOutage)
                    {
                        // The owner could not renew while the database was away either: now that it is back, the owner is
                        // given one whole lease to renew before this standby competes again.
                        afterOutage = false;
                        takeFrom = _time.GetUtcNow() + Duration;
                    }

                    if (_time.GetUtcNow() >= takeFrom && await TryTakeAsync(connection, _sites[i], cancellationToken) is { } fence)
                    {
                        _fences[i] = fence;
                        LogTaken(_logger, _sites[i], Worker, fence);
                        i++;
                        continue;
                    }

                    if (waitingFor != _sites[i])
                    {
                        waitingFor = _sites[i];
                        LogWaiting(_logger, Worker, _sites[i]);
                    }

                    await Task.Delay(Poll, _time, cancellationToken);
                    if (i > 0 && !await RenewAsync(i, cancellationToken))
                    {
                        throw Lost(_sites[0]);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException && _outage.Report("the site leases", e))
                {
                    afterOutage = true;
                    await Task.Delay(Poll, _time, cancellationToken);
                }
            }

            _held.TrySetResult();
        }
        finally
        {
            _taking.Release();
        }
    }

    /// <summary>
    /// Whether this worker dispatches the outbox now: it must own its sites, and then keeps the outbox's own lease (renewed
    /// under the fencing number it took) or takes it when no other owner holds a live one. Asked at each look for due items,
    /// so of several owners one sends and another takes over when it stops looking for longer than the lease. The fencing
    /// number moves only when the lease changes hands, never at a renewal.
    /// </summary>
    public async Task<bool> HoldDispatchAsync(CancellationToken cancellationToken)
    {
        if (!IsHeld || _released)
        {
            return false;
        }

        await _dispatching.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            if (_dispatchFence > 0 && await ExtendAsync(connection, [OutboxDispatch], [_dispatchFence], "clock_timestamp() + @duration", cancellationToken) == 1)
            {
                return true;
            }

            _dispatchFence = await TryTakeAsync(connection, OutboxDispatch, cancellationToken) ?? 0;
            return _dispatchFence > 0;
        }
        finally
        {
            _dispatching.Release();
        }
    }

    /// <summary>The fencing number of the outbox's lease this worker holds (0 when it does not dispatch).</summary>
    public long DispatchFence => _dispatchFence;

    /// <summary>Extends every lease held; false when one of them is no longer this worker's (taken over).</summary>
    public Task<bool> RenewAsync(CancellationToken cancellationToken) => RenewAsync(_sites.Length, cancellationToken);

    /// <summary>
    /// In the batch transaction, before anything is written: locks this worker's lease rows (a takeover waits
    /// until the batch commits) and refuses the batch when a site's fencing number is no longer the one taken.
    /// </summary>
    public async Task CheckFenceAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        if (!IsHeld)
        {
            throw new StorageUnavailableException($"Storage: worker {Worker} does not hold its sites' leases; it writes nothing.");
        }

        await using var check = new NpgsqlCommand("SELECT site, fence, owner FROM site_leases WHERE site = ANY(@sites) FOR SHARE", connection, transaction);
        check.Parameters.AddWithValue("sites", _sites);
        var found = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var reader = await check.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                found[reader.GetString(0)] = reader.GetString(2) == Worker ? reader.GetInt64(1) : -1;
            }
        }

        for (var i = 0; i < _sites.Length; i++)
        {
            if (!found.TryGetValue(_sites[i], out var fence) || fence != _fences[i])
            {
                throw Lost(_sites[i]);
            }
        }
    }

    /// <summary>
    /// At a graceful stop: no renewal from now on, and the leases (the sites' and the outbox's) run out at once, so a standby
    /// takes over without waiting. Called once the writer's last batch is stored (or given up); later calls do nothing.
    /// </summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        if (!IsHeld || _released)
        {
            return;
        }

        _released = true;
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        string[] sites = _dispatchFence > 0 ? [.. _sites, OutboxDispatch] : _sites;
        long[] fences = _dispatchFence > 0 ? [.. _fences, _dispatchFence] : _fences;
        await ExtendAsync(connection, sites, fences, "clock_timestamp() - interval '1 millisecond'", cancellationToken);
        LogReleased(_logger, Worker);
    }

    /// <summary>Whether <see cref="ReleaseAsync"/> gave the leases up (a stopping worker renews nothing).</summary>
    public bool IsReleased => _released;

    public StorageUnavailableException Lost(string site) => new(
        $"Storage: worker {Worker} lost the lease of site {site} to another worker (its fencing number moved on); it writes nothing more and stops.");

    private async Task<long?> TryTakeAsync(NpgsqlConnection connection, string site, CancellationToken cancellationToken)
    {
        await using var take = new NpgsqlCommand(
            "INSERT INTO site_leases AS l (site, owner, fence, expires_at) VALUES (@site, @worker, 1, clock_timestamp() + @duration) " +
            "ON CONFLICT (site) DO UPDATE SET owner = excluded.owner, fence = l.fence + 1, expires_at = excluded.expires_at " +
            "WHERE l.expires_at < clock_timestamp() OR l.owner = excluded.owner RETURNING fence",
            connection);
        take.Parameters.AddWithValue("site", site);
        take.Parameters.AddWithValue("worker", Worker);
        take.Parameters.AddWithValue("duration", Duration);
        return await take.ExecuteScalarAsync(cancellationToken) is long fence ? fence : null;
    }

    private async Task<bool> RenewAsync(int count, CancellationToken cancellationToken)
    {
        if (_released)
        {
            return true; // stopping: the leases were given up on purpose
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await ExtendAsync(connection, _sites[..count], _fences[..count], "clock_timestamp() + @duration", cancellationToken) == count;
    }

    /// <summary>
    /// Moves the expiry of the leases of <paramref name="sites"/> while each is still this worker's under the fencing number it took
    /// (a lease run out but taken by nobody is still its own); how many were.
    /// </summary>
    private async Task<int> ExtendAsync(NpgsqlConnection connection, string[] sites, long[] fences, string expiry, CancellationToken cancellationToken)
    {
        await using var update = new NpgsqlCommand(
            $"UPDATE site_leases SET expires_at = {expiry} WHERE owner = @worker AND (site, fence) IN (SELECT * FROM unnest(@sites, @fences))",
            connection);
        update.Parameters.AddWithValue("duration", Duration);
        update.Parameters.AddWithValue("worker", Worker);
        update.Parameters.AddWithValue("sites", sites);
        update.Parameters.AddWithValue("fences", fences);
        return await update.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Site {Site}: worker {Worker} took the lease (fencing number {Fence})")]
    private static partial void LogTaken(ILogger logger, string site, string worker, long fence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Worker {Worker} waits as a standby: another worker holds the lease of site {Site}")]
    private static partial void LogWaiting(ILogger logger, string worker, string site);

    [LoggerMessage(Level = LogLevel.Information, Message = "Worker {Worker} released its sites' leases")]
    private static partial void LogReleased(ILogger logger, string worker);
}
