namespace InfusionSuite.Application.Outbox;

/// <summary>How a channel's dispatcher paces itself, read from the channel's options on every pass.</summary>
/// <param name="BatchSize">At most this many due items per pass.</param>
/// <param name="PollInterval">The wait after a pass with nothing to do, and before an item waiting for an earlier one is looked at again.</param>
/// <param name="RetryDelay">The first wait after a transient failure (doubling, see <see cref="OutboxRetrySchedule"/>).</param>
/// <param name="MaxRetryDelay">The longest wait the doubling reaches.</param>
public sealed record OutboxDispatchSettings(int BatchSize, TimeSpan PollInterval, TimeSpan RetryDelay, TimeSpan MaxRetryDelay);
