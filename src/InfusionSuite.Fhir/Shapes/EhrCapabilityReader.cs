using InfusionSuite.Application.Outbox;
using InfusionSuite.Fhir.Delivery;

namespace InfusionSuite.Fhir.Shapes;

/// <summary>Reads the EHR's CapabilityStatement once (<c>GET [base]/metadata</c>) and keeps it; a failed read is tried again next time.</summary>
internal sealed class EhrCapabilityReader(EhrRestClient ehr)
{
    private EhrCapabilities? _known;

    /// <summary>The capabilities once read (at start or by a delivery); null until then.</summary>
    public EhrCapabilities? Known => _known;

    /// <summary>The EHR's capabilities; null when it could not be read now (with the reason why).</summary>
    public async Task<(EhrCapabilities? Capabilities, string? Problem)> ReadAsync(CancellationToken cancellationToken)
    {
        var (capabilities, problem, _) = await ReadForDeliveryAsync(cancellationToken);
        return (capabilities, problem);
    }

    /// <summary>
    /// The capabilities, or what a delivery attempt comes to without them, the same in every shape: tried again later when the EHR
    /// gave no answer or a transient one; refused with the EHR's answer (e.g. 401 Unauthorized) when it refused the read.
    /// </summary>
    public async Task<(EhrCapabilities? Capabilities, string? Problem, FhirSendResult? Stop)> ReadForDeliveryAsync(CancellationToken cancellationToken)
    {
        if (_known is { } known)
        {
            return (known, null, null);
        }

        var response = await ehr.GetAsync("metadata", cancellationToken);
        if (!response.Succeeded)
        {
            var problem = "The EHR's /metadata could not be read: " + response.Explanation();
            return (null, problem, response.Transient
                ? new FhirSendResult(OutboxAttemptOutcome.TransientFailure, response.Status, problem, response.RetryAfter)
                : new FhirSendResult(OutboxAttemptOutcome.Rejected, response.Status, problem, ParkReason: response.Explanation()));
        }

        try
        {
            _known = EhrCapabilities.Parse(response.Body);
            return (_known, null, null);
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
        {
            var problem = "The EHR's /metadata is not a readable CapabilityStatement: " + e.Message;
            return (null, problem, new FhirSendResult(OutboxAttemptOutcome.TransientFailure, response.Status, problem));
        }
    }
}
