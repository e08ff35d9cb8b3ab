using InfusionSuite.Fhir.Delivery;
using InfusionSuite.Fhir.Outbox;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Web.Sessions;

/// <summary>
/// The FHIR outbox items of a session, with each attempt and the server's answer. <c>Configured</c> says
/// whether an EHR is set (<c>Fhir:Delivery:BaseUrl</c>); without one the Bundles are kept for export.
/// </summary>
internal sealed class FhirDeliveryReader(IServiceProvider services)
{
    public async Task<FhirDeliveryView> ReadAsync(string sessionId, CancellationToken cancellationToken)
    {
        if (services.GetService<IFhirOutbox>() is not { } outbox)
        {
            return new FhirDeliveryView(false, []);
        }

        var items = await outbox.ListAsync(new FhirOutboxQuery(SessionId: sessionId, Limit: 20), cancellationToken);
        var ehr = services.GetService<IOptions<FhirDeliveryOptions>>()?.Value.BaseUrl is not null;
        return new FhirDeliveryView(ehr, [.. items.Select(i => new FhirItemView(
            i.Kind.ToString(), i.Status.ToString(), i.EnqueuedAt, i.SentAt, i.NextAttemptAt, i.ParkedReason,
            [.. i.Attempts.Select(a => new FhirAttemptView(a.Number, a.FinishedAt, a.Outcome.ToString(), a.HttpStatus, a.ServerMessage))]))]);
    }
}
