using InfusionSuite.Application.Outbox;
using InfusionSuite.Fhir.Outbox;
using InfusionSuite.Fhir.Shapes;
using InfusionSuite.Fhir.Validation;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Fhir.Delivery;

/// <summary>
/// Delivers outbox items to the EHR: takes the due ones, validates a Bundle before its first send
/// (when configured), sends it in the configured <see cref="FhirDeliveryShape"/>, records the attempt and then marks it sent, schedules the retry
/// (persisted, so a restart keeps it) or parks it with the server's message. Waits on the
/// <see cref="TimeProvider"/>. Logs session and item ids only, never patient data.
/// </summary>
public sealed class FhirDispatcher(
    IOutbox outbox,
    IFhirBundleTransport transport,
    IFhirResourceDelivery individual,
    FhirResourceValidator validator,
    IOptions<FhirDeliveryOptions> options,
    TimeProvider time,
    ILogger<FhirDispatcher> logger) : BackgroundService
{
    /// <summary>One pass over the due items; returns how many were attempted.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        if (!transport.IsConfigured)
        {
            return 0;
        }

        var due = await outbox.TakeDueAsync(FhirOutboxItems.ContentType, time.GetUtcNow(), options.Value.BatchSize, cancellationToken);
        foreach (var item in due)
        {
            await DeliverAsync(item, cancellationToken);
        }

        return due.Count;
    }

    protected override async System.Threading.Tasks.Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!transport.IsConfigured)
        {
            DispatcherLog.NoEhrConfigured(logger);
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            int attempted;
            try
            {
                attempted = await DispatchDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                DispatcherLog.PassFailed(logger, e.GetType().Name);
                attempted = 0;
            }

            if (attempted == 0)
            {
                await System.Threading.Tasks.Task.Delay(options.Value.PollInterval, time, stoppingToken);
            }
        }
    }

    private async System.Threading.Tasks.Task DeliverAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var number = item.Attempts.Count + 1;
        var started = time.GetUtcNow();
        if (options.Value.ValidateBeforeSending && item.Validation is null)
        {
            var report = validator.ValidateJson(item.Payload);
            await outbox.RecordValidationAsync(item.Id, report, cancellationToken);
            if (!report.IsValid)
            {
                var reason = "The Bundle is not valid FHIR R4: " + report.ErrorText;
                await outbox.RecordAttemptAsync(item.Id, new OutboxAttempt(number, started, time.GetUtcNow(), OutboxAttemptOutcome.Invalid, null, reason), cancellationToken);
                await outbox.ParkAsync(item.Id, reason, cancellationToken);
                DispatcherLog.Parked(logger, item.Id, item.SessionId, null, report.ErrorCount);
                return;
            }
        }

        FhirSendResult result;
        try
        {
            result = options.Value.Shape == FhirDeliveryShape.Transaction
                ? await transport.SendAsync(item.Payload, cancellationToken)
                : await individual.SendAsync(item, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            result = new FhirSendResult(OutboxAttemptOutcome.Rejected, null, $"Could not be sent ({e.GetType().Name}): {e.Message}");
        }

        var finished = time.GetUtcNow();
        await outbox.RecordAttemptAsync(
            item.Id, new OutboxAttempt(number, started, finished, result.Outcome, result.HttpStatus, result.Message) { Resources = result.Resources }, cancellationToken);
        switch (result.Outcome)
        {
            case OutboxAttemptOutcome.Sent:
                await outbox.MarkSentAsync(item.Id, finished, cancellationToken);
                DispatcherLog.Sent(logger, item.Id, item.SessionId, number);
                break;
            case OutboxAttemptOutcome.TransientFailure:
                var next = RetrySchedule.Next(finished, number, result.RetryAfter, options.Value, Random.Shared.NextDouble());
                await outbox.ScheduleRetryAsync(item.Id, next, cancellationToken);
                DispatcherLog.RetryScheduled(logger, item.Id, item.SessionId, number, result.HttpStatus, next);
                break;
            default:
                await outbox.ParkAsync(item.Id, result.ParkReason ?? result.Message ?? "Refused by the EHR.", cancellationToken);
                DispatcherLog.Parked(logger, item.Id, item.SessionId, result.HttpStatus, 0);
                break;
        }
    }
}
