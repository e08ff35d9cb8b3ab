using InfusionSuite.Application.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InfusionSuite.Application.Outbox;

/// <summary>
/// The one outbox dispatch, for every channel (FHIR, HL7 v2): claims the channel's due items, has the channel
/// deliver each one (<see cref="DeliverOneAsync"/>: the only thing a channel writes), appends the attempt, then
/// marks it sent (exactly once: never attempted again), schedules the next attempt after a transient failure
/// (<see cref="OutboxRetrySchedule"/>, stored, so a restart keeps it) or parks it with the reason for staff, who
/// retry it or mark it handled outside (<see cref="ParkedItemActions"/>, audited). Waits on the <see cref="TimeProvider"/>
/// and honours the stopping token; a retry's wait is real time (<see cref="IoTime"/>), kept as an instant on the host's clock. Logs item and session ids only, never patient data. A pass that meets the database away
/// (<see cref="DatabaseOutage"/>) logs nothing of its own: the outage's one line down and one line back say it.
/// </summary>
public abstract class OutboxDispatcher(IOutbox outbox, TimeProvider time, ILogger logger, DatabaseOutage? outage = null, IoTime? io = null) : BackgroundService
{
    /// <summary>The outbox, for what a channel reads or keeps beside a delivery (a validation, earlier items).</summary>
    protected IOutbox Outbox => outbox;

    /// <summary>The channel's logger, for what a channel says of its own waits.</summary>
    protected ILogger Logger => logger;

    /// <summary>The clock of I/O: real time, whatever the host's clock (<see cref="IoTime"/>).</summary>
    protected IoTime Io => io ?? IoTime.System;

    /// <summary>The channel's name in log lines (<c>FHIR</c>, <c>HL7</c>).</summary>
    protected abstract string Channel { get; }

    /// <summary>The content type of the channel's items.</summary>
    protected abstract string ContentType { get; }

    /// <summary>Null when the channel delivers; otherwise why not (logged once at start; the items stay in the outbox).</summary>
    protected abstract string? OffBecause { get; }

    /// <summary>The channel's pacing, read on every pass.</summary>
    protected abstract OutboxDispatchSettings Settings { get; }

    /// <summary>
    /// One pass over the due items; returns how many were attempted (an item waiting for an earlier one is
    /// not attempted: it is looked at again after the poll interval).
    /// </summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        if (OffBecause is not null)
        {
            return 0;
        }

        var settings = Settings;
        var due = await outbox.TakeDueAsync(ContentType, time.GetUtcNow(), settings.BatchSize, cancellationToken);
        var attempted = 0;
        foreach (var item in due)
        {
            if (await NewerGoneAsync(item, cancellationToken) is { } newer)
            {
                await outbox.ParkAsync(item.Id, OutboxOrder.OvertakenReason(newer), cancellationToken);
                OutboxDispatcherLog.Parked(logger, Channel, item.Id, item.SessionId, "overtaken by item " + newer.Id.ToString("D"));
                continue;
            }

            if (await HeldBackByAsync(item, cancellationToken) is { } earlier)
            {
                await outbox.WaitAsync(item.Id, time.GetUtcNow() + settings.PollInterval, WaitingFor(earlier), cancellationToken);
                continue;
            }

            await AttemptAsync(item, settings, cancellationToken);
            attempted++;
        }

        return attempted;
    }

    /// <summary>Delivers one item once: the channel's whole part. An exception it lets through fails the pass (logged; tried again after the poll interval).</summary>
    protected abstract Task<OutboxDeliveryResult> DeliverOneAsync(OutboxItem item, CancellationToken cancellationToken);

    /// <summary>
    /// Whether the item must wait for an earlier one, and which. The rule of every channel: a session's (or a course's) items reach
    /// the receiver in the order they were made, so an older item can never overwrite a newer one there (a retried
    /// correction undoing a void, a charge posted again after its credit). An item waits while an earlier item of the
    /// same key and channel, in the same <see cref="Sequence"/>, is pending or parked; staff release it by retrying the
    /// earlier item (it goes first) or marking it handled outside. An earlier item that could not be made (no payload)
    /// holds nothing back: it can never be sent.
    /// </summary>
    /// <returns>The earlier item it waits for (the oldest that holds it back); null when it may go.</returns>
    private async Task<OutboxItem?> HeldBackByAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var sequence = Sequence(item);
        var session = await outbox.ListAsync(new OutboxQuery(SessionId: item.SessionId, Limit: 1000), cancellationToken);
        foreach (var earlier in session.Reverse())
        {
            if (earlier.Id == item.Id)
            {
                return null;
            }

            if (earlier.ContentType == ContentType && earlier.Payload.Length > 0
                && earlier.Status is OutboxStatus.Pending or OutboxStatus.Parked
                && Sequence(earlier) == sequence
                && HoldsBack(earlier, item))
            {
                return earlier;
            }
        }

        return null;
    }

    /// <summary>What the start's log line adds after the receiver (where, how: e.g. <c> at https://… in the Individual shape</c>); never patient data.</summary>
    protected virtual string StartDetail => string.Empty;

    /// <summary>The receiver in staff's words (<c>the EHR</c>, <c>the interface engine</c>).</summary>
    protected virtual string Receiver => "the receiver";

    /// <summary>What an item carries, in staff's words (e.g. <c>the session's Procedure</c>), for what a later item waits for.</summary>
    protected virtual string Carries(OutboxItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Kind switch
        {
            OutboxItemKind.Session => "the session's record",
            OutboxItemKind.Void => "the session's withdrawal",
            OutboxItemKind.Correction => "the session's earlier correction",
            _ => "the course's earlier outcome",
        };
    }

    /// <summary>What an item held back by <paramref name="earlier"/> says it waits for (never patient data).</summary>
    private string WaitingFor(OutboxItem earlier) =>
        $"Waiting for {Carries(earlier)} (its earlier {earlier.Kind} item) to be delivered to {Receiver} first"
        + (earlier.Status == OutboxStatus.Parked
            ? "; that item is parked for staff: retry it or mark it handled outside InfusionSuite, and this one goes on."
            : "; it goes on once that one is delivered.");

    /// <summary>
    /// A later item of the same key, channel and sequence that has already gone to the receiver: sent, attempted (a parked
    /// item may have been partly applied, e.g. a void whose charges were credited), or handled outside by staff. The older
    /// one must never go after it (items sent before the order was kept, or an item staff retry after it was overtaken).
    /// </summary>
    private async Task<OutboxItem?> NewerGoneAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var sequence = Sequence(item);
        var session = await outbox.ListAsync(new OutboxQuery(SessionId: item.SessionId, Limit: 1000), cancellationToken);
        foreach (var later in session)
        {
            if (later.Id == item.Id)
            {
                return null;
            }

            if (later.ContentType == ContentType && later.Payload.Length > 0 && Sequence(later) == sequence
                && (later.Status is OutboxStatus.Sent or OutboxStatus.HandledOutside || later.Attempts.Count > 0))
            {
                return later;
            }
        }

        return null;
    }

    /// <summary>
    /// Which ordered sequence of its session an item belongs to: one per session unless the channel keeps independent ones
    /// (HL7 v2 keeps charges apart from documentation).
    /// </summary>
    protected virtual string Sequence(OutboxItem item) => string.Empty;

    /// <summary>
    /// Whether <paramref name="earlier"/>, pending or parked, holds <paramref name="item"/> back (<see cref="HeldBackByAsync"/>); every
    /// earlier item does unless the channel says otherwise (a FHIR void supersedes a parked correction: it never waits behind one).
    /// </summary>
    protected virtual bool HoldsBack(OutboxItem earlier, OutboxItem item) => true;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (OffBecause is { } reason)
        {
            OutboxDispatcherLog.Off(logger, Channel, reason);
            return;
        }

        OutboxDispatcherLog.Started(logger, Channel, Receiver, StartDetail, Settings.PollInterval);

        while (!stoppingToken.IsCancellationRequested)
        {
            int attempted;
            var mark = outage?.Mark() ?? 0;
            try
            {
                attempted = await DispatchDueAsync(stoppingToken);
                outage?.Reached(Channel + " outbox dispatch", mark);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                if (outage?.Report(Channel + " outbox dispatch", e) != true)
                {
                    OutboxDispatcherLog.PassFailed(logger, Channel, e.GetType().Name);
                }

                attempted = 0;
            }

            if (attempted == 0)
            {
                await Task.Delay(Settings.PollInterval, time, stoppingToken);
            }
        }
    }

    private async Task AttemptAsync(OutboxItem item, OutboxDispatchSettings settings, CancellationToken cancellationToken)
    {
        var number = item.Attempts.Count + 1;
        var started = time.GetUtcNow();
        var result = await DeliverOneAsync(item, cancellationToken);
        var finished = time.GetUtcNow();
        await outbox.RecordAttemptAsync(
            item.Id, new OutboxAttempt(number, started, finished, result.Outcome, result.HttpStatus, result.Message) { Resources = result.Resources }, cancellationToken);
        switch (result.Outcome)
        {
            case OutboxAttemptOutcome.Sent:
                await outbox.MarkSentAsync(item.Id, finished, cancellationToken);
                OutboxDispatcherLog.Delivered(logger, Channel, item.Id, item.SessionId, number, LogReason(result));
                break;
            case OutboxAttemptOutcome.TransientFailure:
                // The receiver's Retry-After and the back-off are real time (the demo's clock runs faster): kept as an instant on the host's clock.
                var wait = OutboxRetrySchedule.Wait(number, result.RetryAfter, settings.RetryDelay, settings.MaxRetryDelay, Random.Shared.NextDouble());
                var next = finished + (io ?? IoTime.System).OnHostClock(wait);
                await outbox.ScheduleRetryAsync(item.Id, next, cancellationToken);
                OutboxDispatcherLog.RetryScheduled(logger, Channel, item.Id, item.SessionId, number, LogReason(result), next);
                break;
            default:
                await outbox.ParkAsync(item.Id, result.ParkReason ?? result.Message ?? "Refused by the receiver.", cancellationToken);
                OutboxDispatcherLog.Parked(logger, Channel, item.Id, item.SessionId, LogReason(result));
                break;
        }
    }

    private static string LogReason(OutboxDeliveryResult result) =>
        result.LogReason ?? (result.HttpStatus is { } status ? $"HTTP {status}" : result.Outcome == OutboxAttemptOutcome.Sent ? "accepted" : "no response");
}
