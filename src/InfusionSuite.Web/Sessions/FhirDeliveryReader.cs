using InfusionSuite.Fhir.Outbox;

namespace InfusionSuite.Web.Sessions;

/// <summary>The FHIR outbox items of a session, with each attempt and the server's answer; "not configured" when the host has no outbox.</summary>
internal sealed class FhirDeliveryReader(IServiceProvider services)
{
    public async Task<FhirDeliveryView> ReadAsync(string sessionId, CancellationToken cancellationToken)
    {
        if (services.GetService<IFhirOutbox>() is not { } outbox)
        {
            return new FhirDeliveryView(false, []);
        }

        var items = await outbox.ListAsync(new FhirOutboxQuery(SessionId: sessionId, Limit: 20), cancellationToken);
        return new FhirDeliveryView(true, [.. items.Select(i => new FhirItemView(
            i.Kind.ToString(), i.Status.ToString(), i.EnqueuedAt, i.SentAt, i.NextAttemptAt, i.ParkedReason,
            [.. i.Attempts.Select(a => new FhirAttemptView(a.Number, a.FinishedAt, a.Outcome.ToString(), a.HttpStatus, a.ServerMessage))]))]);
    }
}
