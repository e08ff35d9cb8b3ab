namespace InfusionSuite.LoadTest;

/// <summary>
/// Watches the worker's database from outside, as any reader would: every 5 ms it reads the
/// telemetry rows committed since the last look (by rowid = ingest sequence). A row's latency is
/// the start of the look that first saw it minus its <c>ts</c>, which the publisher set to the
/// instant it published: publish → committed and visible, overstated by at most one poll interval.
/// </summary>
internal sealed class CommitProbe(LoadDatabase database, TimeProvider time) : IAsyncDisposable
{
    private static readonly TimeSpan s_interval = TimeSpan.FromMilliseconds(5);

    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;
    private long _stored;
    private long _folded;

    public LatencyHistogram Latency { get; } = new();

    public long Stored => Interlocked.Read(ref _stored);

    public long Folded => Interlocked.Read(ref _folded);

    /// <summary>When the first row was seen (index 0) and when the stored count first reached each tenth of <see cref="Expected"/> (1..10).</summary>
    public DateTimeOffset?[] Tenths { get; } = new DateTimeOffset?[11];

    public long Expected { get; set; } = long.MaxValue;

    /// <summary>Latency is recorded for samples published from this instant on (after the warm-up).</summary>
    public DateTimeOffset MeasureFrom { get; set; }

    public DateTimeOffset? LastRowSeenAt { get; private set; }

    public void Start() => _loop = Task.Run(() => RunAsync(_stop.Token));

    /// <summary>Stops looking (the histogram and counts are final then). Safe to call twice.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_loop is { } loop)
        {
            _loop = null;
            await _stop.CancelAsync();
            await loop.ContinueWith(_ => { }, TaskScheduler.Default);
            _stop.Dispose();
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT ingest_seq, ts_ms, CASE WHEN session_key IS NULL THEN 0 ELSE 1 END FROM telemetry WHERE ingest_seq > @last ORDER BY ingest_seq";
        var last = query.CreateParameter();
        last.ParameterName = "@last";
        last.Value = 0L;
        query.Parameters.Add(last);
        using var timer = new PeriodicTimer(s_interval, time);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            var look = time.GetUtcNow();
            var lookMs = look.ToUnixTimeMilliseconds();
            long rows = 0;
            long folded = 0;
            await using (var reader = await query.ExecuteReaderAsync(cancellationToken))
            {
                while (reader.Read())
                {
                    last.Value = reader.GetInt64(0);
                    var ts = reader.GetInt64(1);
                    if (ts >= MeasureFrom.ToUnixTimeMilliseconds())
                    {
                        Latency.Record(lookMs - ts);
                    }

                    rows++;
                    folded += reader.GetInt32(2);
                }
            }

            if (rows > 0)
            {
                Interlocked.Add(ref _folded, folded);
                var stored = Interlocked.Add(ref _stored, rows);
                LastRowSeenAt = look;
                for (var tenth = 0; tenth <= 10; tenth++)
                {
                    if (Tenths[tenth] is null && stored * 10 >= Expected * tenth)
                    {
                        Tenths[tenth] = look;
                    }
                }
            }
        }
    }
}
