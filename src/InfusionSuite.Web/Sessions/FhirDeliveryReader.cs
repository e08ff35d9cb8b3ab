using System.Text.Json;
using InfusionSuite.Application.Outbox;

namespace InfusionSuite.Web.Sessions;

/// <summary>
/// The outbox items of a session (its FHIR Bundles for the EHR, its HL7 v2 messages), with each attempt
/// and the receiver's answer, and in readable lines what each carries. <c>Configured</c> says whether the
/// outbox is delivered (an EHR is set); without one the Bundles are kept for export. The receivers' texts
/// and the summaries can hold patient data: a role without patient data gets neither.
/// </summary>
internal sealed class FhirDeliveryReader(IServiceProvider services)
{
    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };

    public async Task<FhirDeliveryView> ReadAsync(string sessionId, bool showPatients, CancellationToken cancellationToken)
    {
        if (services.GetService<IOutbox>() is not { } outbox)
        {
            return new FhirDeliveryView(false, []);
        }

        var items = await outbox.ListAsync(new OutboxQuery(SessionId: sessionId, Limit: 20), cancellationToken);
        var delivered = services.GetService<IOutboxDelivery>()?.IsConfigured ?? false;
        return new FhirDeliveryView(delivered, [.. items.Select(i => View(i, showPatients))]);
    }

    /// <summary>Every item of the session with its payload (indented), for <c>GET /api/sessions/{id}/fhir</c>; patient-data roles only.</summary>
    public async Task<IReadOnlyList<FhirItemView>> PayloadsAsync(string sessionId, CancellationToken cancellationToken)
    {
        if (services.GetService<IOutbox>() is not { } outbox)
        {
            return [];
        }

        var items = await outbox.ListAsync(new OutboxQuery(SessionId: sessionId, Limit: 100), cancellationToken);
        return [.. items.Select(i => View(i, showPatients: true) with { Payload = Indented(i) })];
    }

    private FhirItemView View(OutboxItem item, bool showPatients) => new(
        item.Kind.ToString(), item.Status.ToString(), item.EnqueuedAt, item.SentAt, item.NextAttemptAt, showPatients ? item.ParkedReason : null,
        [.. item.Attempts.Select(a => new FhirAttemptView(a.Number, a.FinishedAt, a.Outcome.ToString(), a.HttpStatus, showPatients ? a.ServerMessage : null)
        {
            Resources = [.. a.Resources.Select(ReceiverResourceView.From)],
        })])
    {
        Id = item.Id,
        ContentType = item.ContentType,
        Summary = showPatients ? Summary(item) : [],
        DetailsHidden = !showPatients,
        Retryable = item.Status == OutboxStatus.Parked && !OutboxOrder.IsOvertaken(item),
        AtReceiver = ReceiverResourceView.Latest(item.Attempts),
    };

    private IReadOnlyList<string> Summary(OutboxItem item) =>
        services.GetServices<IOutboxPayloadSummary>().FirstOrDefault(s => s.ContentType == item.ContentType)?.Summarize(item) ?? [];

    private static string Indented(OutboxItem item)
    {
        if (!item.ContentType.Contains("json", StringComparison.Ordinal) || item.Payload.Length == 0)
        {
            return item.Payload;
        }

        try
        {
            using var document = JsonDocument.Parse(item.Payload);
            return JsonSerializer.Serialize(document.RootElement, s_indented);
        }
        catch (JsonException)
        {
            return item.Payload;
        }
    }
}
