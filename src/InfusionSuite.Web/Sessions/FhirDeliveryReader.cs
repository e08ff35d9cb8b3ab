using InfusionSuite.Application.Outbox;

namespace InfusionSuite.Web.Sessions;

/// <summary>
/// The outbox items of a session (its FHIR Bundles for the EHR), with each attempt and the server's
/// answer. <c>Configured</c> says whether the outbox is delivered (an EHR is set); without one the
/// Bundles are kept for export.
/// </summary>
internal sealed class FhirDeliveryReader(IServiceProvider services)
{
    public async Task<FhirDeliveryView> ReadAsync(string sessionId, CancellationToken cancellationToken)
    {
        if (services.GetService<IOutbox>() is not { } outbox)
        {
            return new FhirDeliveryView(false, []);
        }

        var items = await outbox.ListAsync(new OutboxQuery(SessionId: sessionId, Limit: 20), cancellationToken);
        var delivered = services.GetService<IOutboxDelivery>()?.IsConfigured ?? false;
        return new FhirDeliveryView(delivered, [.. items.Select(i => new FhirItemView(
            i.Kind.ToString(), i.Status.ToString(), i.EnqueuedAt, i.SentAt, i.NextAttemptAt, i.ParkedReason,
            [.. i.Attempts.Select(a => new FhirAttemptView(a.Number, a.FinishedAt, a.Outcome.ToString(), a.HttpStatus, a.ServerMessage))])
        {
            Id = i.Id,
            ContentType = i.ContentType,
        })]);
    }
}
