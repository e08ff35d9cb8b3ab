using System.ComponentModel.DataAnnotations;

namespace InfusionSuite.Application.Configuration;

/// <summary>How the single writer batches what it stores, how it retries a failed commit, and how long samples no session took are kept.</summary>
public sealed class IngestOptions
{
    public const string SectionName = "Ingest";

    private static readonly TimeSpan[] DefaultCommitRetryDelays =
        [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2)];

    /// <summary>A batch is committed when it holds this many samples and inputs (default 1,000).</summary>
    [Range(1, 100_000)]
    public int BatchMaxItems { get; set; } = 1000;

    /// <summary>…or when its first item waited this long (default 50 ms); an idle queue commits at once.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:10")]
    public TimeSpan BatchMaxDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// The waits before each new try of a batch commit that failed (default 100 ms, 500 ms, 2 s: three
    /// retries); given values replace the defaults. When every retry failed too the writer stops, and
    /// with it the host: nothing unstored is acknowledged. An outage of the database (unreachable,
    /// restarting) spends no retry: it is waited out, trying again from the first wait up to 2 s apart.
    /// </summary>
    public List<TimeSpan> CommitRetryDelays { get; set; } = [];

    /// <summary>Samples and events that arrived with no open session on their controller are kept this long for engineers (default 7 days).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "3650.00:00:00")]
    public TimeSpan UnassignedRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often expired unassigned samples are deleted (default hourly).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RetentionSweepInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How many controllers neither configured (<c>NurseStation:Chairs</c>) nor stored before may register
    /// themselves after a start (default 64); the messages of any more are refused, counted and shown to
    /// engineers, and they never reach the board. 0 admits configured and known controllers only.
    /// </summary>
    [Range(0, 10_000)]
    public int AutoRegisteredControllerLimit { get; set; } = 64;

    /// <summary>The delays in use: <see cref="CommitRetryDelays"/>, or the defaults when none are given.</summary>
    internal IReadOnlyList<TimeSpan> RetryDelays() => CommitRetryDelays.Count == 0 ? DefaultCommitRetryDelays : CommitRetryDelays;
}
