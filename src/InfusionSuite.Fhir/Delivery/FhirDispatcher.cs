using InfusionSuite.Application.Hosting;
using InfusionSuite.Application.Outbox;
using InfusionSuite.Fhir.Outbox;
using InfusionSuite.Fhir.Shapes;
using InfusionSuite.Fhir.Validation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Fhir.Delivery;

/// <summary>
/// The FHIR channel of the <see cref="OutboxDispatcher"/>: how one item reaches the EHR. A Bundle is validated
/// before its first send (when configured: an invalid one is parked with the errors), then sent in the configured
/// <see cref="FhirDeliveryShape"/>; anything the send throws is a refusal with its type and words. Claiming,
/// recording, retrying and parking are the dispatcher's. Logs session and item ids only, never patient data.
/// </summary>
public sealed class FhirDispatcher(
    IOutbox outbox,
    IFhirBundleTransport transport,
    IFhirResourceDelivery individual,
    FhirResourceValidator validator,
    IOptions<FhirDeliveryOptions> options,
    TimeProvider time,
    ILogger<FhirDispatcher> logger,
    DatabaseOutage? outage = null,
    IoTime? io = null) : OutboxDispatcher(outbox, time, logger, outage, io)
{
    protected override string Channel => "FHIR";

    protected override string ContentType => FhirOutboxItems.ContentType;

    protected override string? OffBecause =>
        transport.IsConfigured ? null : "no EHR base URL configured (Fhir:Delivery:BaseUrl): FHIR Bundles are kept in the outbox and not sent.";

    protected override OutboxDispatchSettings Settings =>
        new(options.Value.BatchSize, options.Value.PollInterval, options.Value.OutboxRetryDelay, options.Value.OutboxMaxRetryDelay);

    /// <summary>
    /// A void never waits behind a parked correction of its session: it acts on what the EHR holds by InfusionSuite's record of
    /// what was sent (withdrawing, crediting), so holding it back would leave the session's charges live while staff decide (and a
    /// charge the void moved to another session billed twice meanwhile). Once the void has gone, the correction can no longer go
    /// (<see cref="OutboxOrder"/>: it is overtaken, only handled outside). Anything else waits behind every earlier item.
    /// </summary>
    protected override string Receiver => "the EHR";

    protected override string StartDetail =>
        $" at {options.Value.BaseUrl} in the {options.Value.Shape} shape" + (options.Value.ValidateBeforeSending ? ", each Bundle validated before its first send" : string.Empty);

    /// <summary>
    /// Starts the loop and, when Bundles are validated before sending, loads the FHIR R4 definitions in the background at once (seconds; a minute on
    /// a busy machine), saying so, so that the first item after a start does not wait for them unannounced (issue 14's trial: 74 s, no log line).
    /// </summary>
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (OffBecause is null && options.Value.ValidateBeforeSending && !validator.IsLoaded)
        {
            _ = Task.Run(LoadValidator, CancellationToken.None);
        }

        return base.ExecuteAsync(stoppingToken);
    }

    private void LoadValidator()
    {
        var clock = Io.Real;
        var started = clock.GetTimestamp();
        FhirDeliveryLog.ValidatorLoading(Logger);
        try
        {
            validator.Load();
            FhirDeliveryLog.ValidatorLoaded(Logger, Math.Round(clock.GetElapsedTime(started).TotalSeconds, 1));
        }
        catch (Exception e)
        {
            FhirDeliveryLog.ValidatorNotLoaded(Logger, e.GetType().Name); // the first validation tries again, and parks what it cannot check
        }
    }

    protected override string Carries(OutboxItem item) => item.Kind switch
    {
        OutboxItemKind.Session => "the session's Procedure, Observations and charges",
        OutboxItemKind.Outcome => "the course's earlier outcome",
        _ => base.Carries(item),
    };

    protected override bool HoldsBack(OutboxItem earlier, OutboxItem item) =>
        !(item.Kind == OutboxItemKind.Void && earlier.Kind == OutboxItemKind.Correction && earlier.Status == OutboxStatus.Parked);

    protected override async Task<OutboxDeliveryResult> DeliverOneAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        if (options.Value.ValidateBeforeSending && item.Validation is null)
        {
            if (!validator.IsLoaded)
            {
                FhirDeliveryLog.WaitingForValidator(Logger, item.Id);
            }

            var report = validator.ValidateJson(item.Payload);
            await Outbox.RecordValidationAsync(item.Id, report, cancellationToken);
            if (!report.IsValid)
            {
                return new OutboxDeliveryResult(OutboxAttemptOutcome.Invalid, null, "The Bundle is not valid FHIR R4: " + report.ErrorText)
                {
                    LogReason = $"is not valid FHIR R4 ({report.ErrorCount} validation errors)",
                };
            }
        }

        FhirSendResult result;
        try
        {
            result = options.Value.Shape == FhirDeliveryShape.Transaction
                ? await transport.SendAsync(item.Payload, item.SessionId, cancellationToken)
                : await individual.SendAsync(item, cancellationToken);
        }
        catch (Exception e) when (TransientFailures.IsTransientException(e, cancellationToken))
        {
            // No answer (a timeout, a refused or dropped connection) wherever in the send it came: tried again on the schedule, never parked.
            result = new FhirSendResult(OutboxAttemptOutcome.TransientFailure, null, $"No answer ({e.GetType().Name}): {e.Message}");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            result = new FhirSendResult(OutboxAttemptOutcome.Rejected, null, $"Could not be sent ({e.GetType().Name}): {e.Message}") { LogReason = $"could not be sent ({e.GetType().Name})" };
        }

        return new OutboxDeliveryResult(result.Outcome, result.HttpStatus, result.Message, result.RetryAfter, result.ParkReason ?? result.Message ?? "Refused by the EHR.")
        {
            Resources = result.Resources,
            LogReason = result.LogReason
                ?? (result.Outcome == OutboxAttemptOutcome.Rejected
                    ? result.HttpStatus is { } status ? $"refused (HTTP {status.ToString(System.Globalization.CultureInfo.InvariantCulture)})" : "not sent"
                    : null),
        };
    }
}
