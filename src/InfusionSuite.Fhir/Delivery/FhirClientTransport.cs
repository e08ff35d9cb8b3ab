using System.Globalization;
using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;
using Hl7.Fhir.Serialization;
using InfusionSuite.Application.Hosting;
using InfusionSuite.Application.Outbox;
using InfusionSuite.Fhir.Outbox;
using InfusionSuite.Fhir.Shapes;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Fhir.Delivery;

/// <summary>
/// Posts the transaction Bundle with Firely's <see cref="FhirClient"/> (JSON) through the named
/// HTTP client (resilience pipeline, then EHR authentication) and classifies the result. Its references
/// to what the EHR owns are checked and made literal first (<see cref="TransactionReferences"/>): an item
/// with one the EHR does not hold is held for staff, as in every shape.
/// </summary>
internal sealed class FhirClientTransport(
    IHttpMessageHandlerFactory handlers,
    TransactionReferences references,
    IOptions<FhirDeliveryOptions> options,
    IoTime io) : IFhirBundleTransport
{
    public const string HttpClientName = "InfusionSuite.Fhir.Ehr";

    public bool IsConfigured => options.Value.BaseUrl is not null;

    public async Task<FhirSendResult> SendAsync(string bundleJson, string sessionId, CancellationToken cancellationToken)
    {
        var endpoint = options.Value.BaseUrl ?? throw new InvalidOperationException("No EHR base URL is configured.");
        var (bundle, stop) = await references.ResolveAsync(FhirJson.Parse<Bundle>(bundleJson), cancellationToken);
        if (bundle is null)
        {
            return stop!;
        }

        var recorder = new ResponseRecorder(handlers.CreateHandler(HttpClientName), io.Real);
        using var http = new HttpClient(recorder, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        using var client = new FhirClient(endpoint, http, new FhirClientSettings
        {
            PreferredFormat = ResourceFormat.Json,
            VerifyFhirVersion = false,
            ReturnPreference = ReturnPreference.Minimal,
        });
        try
        {
            var response = await client.TransactionAsync(bundle, cancellationToken);
            return new FhirSendResult(OutboxAttemptOutcome.Sent, recorder.Status, Summary(response)) { Resources = TransactionOutcomes.Of(bundle, response, sessionId) };
        }
        catch (FhirOperationException e) when ((int)e.Status == 412 && WithoutDevice(bundle) is { } clinical)
        {
            // Two Devices with the chair's identifier at the EHR (e.g. two sites sharing it): the clinical record goes without the Device.
            var response = await client.TransactionAsync(clinical, cancellationToken);
            var device = bundle.Entry.Select(x => x.Resource).OfType<Device>().First();
            return new FhirSendResult(OutboxAttemptOutcome.Sent, recorder.Status, AmbiguousDevice + Summary(response))
            {
                // What the session page's summary says of the Device: not sent, and why (issue 14's trial: it said "create Device").
                Resources =
                [
                    new ReceiverResource(ResourceFields.Key(device, string.Empty), null, ReceiverResource.LeftOut) { Reason = "the EHR holds more than one Device with this chair's identifier" },
                    .. TransactionOutcomes.Of(clinical, response, sessionId),
                ],
            };
        }
        catch (FhirOperationException e)
        {
            var status = (int)e.Status;
            var outcome = TransientFailures.IsTransientStatus(status) ? OutboxAttemptOutcome.TransientFailure : OutboxAttemptOutcome.Rejected;
            return new FhirSendResult(outcome, status, OutcomeText(e.Outcome) ?? e.Message, recorder.RetryAfter);
        }
        catch (Exception e) when (TransientFailures.IsTransientException(e, cancellationToken))
        {
            return new FhirSendResult(OutboxAttemptOutcome.TransientFailure, null, e.Message);
        }
        catch (Exception e) when (e is FormatException or DeserializationFailedException && recorder.Status is >= 200 and < 300)
        {
            return new FhirSendResult(OutboxAttemptOutcome.Sent, recorder.Status, "Accepted; the response body could not be read.");
        }
    }

    /// <summary>Starts the attempt's message when the Bundle went without its Device.</summary>
    public const string AmbiguousDevice = "The EHR holds more than one Device with this chair's identifier (412): sent without the Device. ";

    /// <summary>The Bundle without its Device entry and the references to it; null when it has no Device.</summary>
    private static Bundle? WithoutDevice(Bundle bundle)
    {
        var device = bundle.Entry.FirstOrDefault(e => e.Resource is Device);
        if (device is null)
        {
            return null;
        }

        var clinical = bundle.DeepCopy();
        clinical.Entry.RemoveAll(e => e.Resource is Device);
        foreach (var entry in clinical.Entry.Where(e => e.Resource is not null))
        {
            ResourceFields.Rewrite(entry.Resource!, r => r.Reference == device.FullUrl ? null : r);
        }

        return clinical;
    }

    private static string? OutcomeText(OperationOutcome? outcome)
    {
        var texts = outcome?.Issue
            .Select(i => i.Details?.Text ?? i.Diagnostics)
            .Where(t => !string.IsNullOrWhiteSpace(t))
            .ToList();
        return texts is { Count: > 0 } ? string.Join(" ", texts) : null;
    }

    private static string Summary(Bundle? response)
    {
        if (response is null)
        {
            return "Accepted.";
        }

        var statuses = response.Entry.Select(e => e.Response?.Status ?? string.Empty).ToList();
        var created = statuses.Count(s => s.StartsWith("201", StringComparison.Ordinal));
        return string.Create(CultureInfo.InvariantCulture, $"Accepted: {statuses.Count} entries, {created} created, {statuses.Count - created} already present or updated.");
    }
}
