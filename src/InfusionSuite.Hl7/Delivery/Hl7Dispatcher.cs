using InfusionSuite.Application.Outbox;
using InfusionSuite.Hl7.Configuration;
using InfusionSuite.Hl7.Messages;
using InfusionSuite.Hl7.Outbox;
using InfusionSuite.Hl7.Transport;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Hl7.Delivery;

/// <summary>
/// Delivers HL7 v2 outbox items to the interface engine: sends each due message unchanged (the same
/// control id on every resend) until an acknowledgement comes; <c>AA</c> (<c>CA</c>) delivers it,
/// <c>AE</c>/<c>AR</c> parks it with the receiver's text for staff, no answer schedules the next send
/// (persisted, so a restart keeps it). A session's messages go in the order they were made, charges
/// apart from documentation: a credit always reaches the receiver before the corrected charge, and a
/// later message waits while an earlier one is unacknowledged or parked. Waits on the <see cref="TimeProvider"/>.
/// Logs item and session ids only, never patient data.
/// </summary>
public sealed class Hl7Dispatcher(
    IOutbox outbox,
    IHl7Transport transport,
    IOptions<Hl7Options> options,
    TimeProvider time,
    ILogger<Hl7Dispatcher> logger) : BackgroundService
{
    /// <summary>One pass over the due items; returns how many were sent.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return 0;
        }

        var due = await outbox.TakeDueAsync(Hl7OutboxItems.ContentType, time.GetUtcNow(), settings.BatchSize, cancellationToken);
        var sent = 0;
        foreach (var item in due)
        {
            if (await WaitsForAnEarlierMessageAsync(item, cancellationToken))
            {
                await outbox.ScheduleRetryAsync(item.Id, time.GetUtcNow() + settings.PollInterval, cancellationToken);
                continue;
            }

            await DeliverAsync(item, settings, cancellationToken);
            sent++;
        }

        return sent;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            Hl7DispatcherLog.Disabled(logger);
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            int sent;
            try
            {
                sent = await DispatchDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Hl7DispatcherLog.PassFailed(logger, e.GetType().Name);
                sent = 0;
            }

            if (sent == 0)
            {
                await Task.Delay(options.Value.PollInterval, time, stoppingToken);
            }
        }
    }

    /// <summary>Whether an earlier message of the same session and kind (charges, or documentation) is still unacknowledged or parked.</summary>
    private async Task<bool> WaitsForAnEarlierMessageAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var isCharge = StoredHl7Messages.Read(item.Payload).IsCharge;
        var session = await outbox.ListAsync(new OutboxQuery(SessionId: item.SessionId, Limit: 1000), cancellationToken);
        foreach (var earlier in session.Reverse())
        {
            if (earlier.Id == item.Id)
            {
                return false;
            }

            if (earlier.ContentType == Hl7OutboxItems.ContentType && earlier.Payload.Length > 0
                && earlier.Status is OutboxStatus.Pending or OutboxStatus.Parked
                && StoredHl7Messages.Read(earlier.Payload).IsCharge == isCharge)
            {
                return true;
            }
        }

        return false;
    }

    private async Task DeliverAsync(OutboxItem item, Hl7Options settings, CancellationToken cancellationToken)
    {
        var number = item.Attempts.Count + 1;
        var started = time.GetUtcNow();
        var stored = StoredHl7Messages.Read(item.Payload);
        Hl7Acknowledgement ack;
        try
        {
            ack = await transport.SendAsync(new Hl7OutgoingMessage(stored.ControlId, stored.MessageType, item.Payload, stored.Posting), cancellationToken);
        }
        catch (Hl7DeliveryException e)
        {
            var failed = time.GetUtcNow();
            await outbox.RecordAttemptAsync(item.Id, new OutboxAttempt(number, started, failed, OutboxAttemptOutcome.TransientFailure, null, e.Message), cancellationToken);
            var next = NextAttempt(failed, number, settings, Random.Shared.NextDouble());
            await outbox.ScheduleRetryAsync(item.Id, next, cancellationToken);
            Hl7DispatcherLog.RetryScheduled(logger, item.Id, item.SessionId, number, e.Message, next);
            return;
        }

        var finished = time.GetUtcNow();
        var answer = ack.Text is { } text ? $"{ack.Code}: {text}" : ack.Code;
        if (ack.Accepted)
        {
            await outbox.RecordAttemptAsync(item.Id, new OutboxAttempt(number, started, finished, OutboxAttemptOutcome.Sent, null, answer), cancellationToken);
            await outbox.MarkSentAsync(item.Id, finished, cancellationToken);
            Hl7DispatcherLog.Delivered(logger, item.Id, item.SessionId, ack.Code, number);
            return;
        }

        await outbox.RecordAttemptAsync(item.Id, new OutboxAttempt(number, started, finished, OutboxAttemptOutcome.Rejected, null, answer), cancellationToken);
        await outbox.ParkAsync(item.Id, $"The interface engine answered {ack.Code} ({(ack.Code is "AR" or "CR" ? "rejected" : "error")}): {ack.Text ?? "no text given"}", cancellationToken);
        Hl7DispatcherLog.Parked(logger, item.Id, item.SessionId, ack.Code);
    }

    /// <summary>Exponential back-off from <see cref="Hl7Options.RetryDelay"/> up to <see cref="Hl7Options.MaxRetryDelay"/>, ±20 % jitter.</summary>
    internal static DateTimeOffset NextAttempt(DateTimeOffset now, int failedAttempts, Hl7Options settings, double jitterSample)
    {
        var exponent = Math.Clamp(failedAttempts - 1, 0, 30);
        var backoff = Math.Min(settings.RetryDelay.TotalMilliseconds * Math.Pow(2, exponent), settings.MaxRetryDelay.TotalMilliseconds);
        return now + TimeSpan.FromMilliseconds(backoff * (0.8 + (0.4 * jitterSample)));
    }
}
