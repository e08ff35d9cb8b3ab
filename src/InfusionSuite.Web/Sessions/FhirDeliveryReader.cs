using System.Text.Json;
using InfusionSuite.Application.Outbox;
using InfusionSuite.Application.Staff;

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
        var delivery = services.GetService<IOutboxDelivery>();
        var staff = await StaffActionsAsync(items, cancellationToken);
        return new FhirDeliveryView(delivery?.IsConfigured ?? false, [.. items.Select(i => View(i, showPatients, staff[i.Id]))])
        {
            Warnings = delivery is { IsConfigured: true } ? delivery.Warnings : [],
        };
    }

    /// <summary>The audited staff actions on each item (retry, handled outside), with display names.</summary>
    private async Task<ILookup<Guid, StaffActionView>> StaffActionsAsync(IReadOnlyList<OutboxItem> items, CancellationToken cancellationToken)
    {
        if (services.GetService<IStaffAccounts>() is not { } accounts || items.Count == 0)
        {
            return Array.Empty<(Guid, StaffActionView)>().ToLookup(a => a.Item1, a => a.Item2);
        }

        var bySubject = items.ToDictionary(i => ParkedItemActions.Subject(i.Id), i => i.Id, StringComparer.Ordinal);
        var rows = await accounts.AuditAboutAsync(bySubject.Keys, cancellationToken);
        var names = (await accounts.ListAsync(cancellationToken)).ToDictionary(a => a.UserId, a => a.DisplayName, StringComparer.Ordinal);
        return rows.ToLookup(
            r => bySubject[r.Subject],
            r => new StaffActionView(ActionWords(r.Action), names.GetValueOrDefault(r.Actor, r.Actor), r.At, r.Detail));
    }

    /// <summary>A staff action on an outbox item in words (<see cref="ParkedItemActions"/>' names).</summary>
    public static string ActionWords(string action) => action switch
    {
        ParkedItemActions.RetryAction => "Retried",
        ParkedItemActions.HandledOutsideAction => "Handled outside InfusionSuite",
        _ => action,
    };

    private static string StatusWords(OutboxItem item) => item.Status switch
    {
        OutboxStatus.Sent => "Sent",
        OutboxStatus.Parked => "Parked for staff",
        OutboxStatus.HandledOutside => "Handled outside InfusionSuite",
        _ when item.WaitingFor is not null => "Waiting",
        _ when item.Attempts.Count > 0 => "Trying again",
        _ => "Queued",
    };

    /// <summary>Every item of the session with its payload (indented), for <c>GET /api/sessions/{id}/fhir</c>; patient-data roles only.</summary>
    public async Task<IReadOnlyList<FhirItemView>> PayloadsAsync(string sessionId, CancellationToken cancellationToken)
    {
        if (services.GetService<IOutbox>() is not { } outbox)
        {
            return [];
        }

        var items = await outbox.ListAsync(new OutboxQuery(SessionId: sessionId, Limit: 100), cancellationToken);
        var staff = await StaffActionsAsync(items, cancellationToken);
        return [.. items.Select(i => View(i, showPatients: true, staff[i.Id]) with { Payload = Indented(i) })];
    }

    private FhirItemView View(OutboxItem item, bool showPatients, IEnumerable<StaffActionView> staff)
    {
        var actions = staff.ToList();
        var summary = SummaryOf(item);
        return new(
            item.Kind.ToString(), item.Status.ToString(), item.EnqueuedAt, item.SentAt,
            item.Status == OutboxStatus.Pending ? item.NextAttemptAt : null,
            showPatients && item.Status is OutboxStatus.Parked or OutboxStatus.HandledOutside ? item.ParkedReason : null,
            [.. item.Attempts.Select(a => new FhirAttemptView(a.Number, a.FinishedAt, a.Outcome.ToString(), a.HttpStatus, showPatients ? a.ServerMessage : null)
            {
                Resources = [.. a.Resources.Select(ReceiverResourceView.From)],
            })])
        {
            Id = item.Id,
            ContentType = item.ContentType,
            Channel = summary?.Channel,
            StatusWords = StatusWords(item),
            WaitingFor = item.WaitingFor,
            StaffActions = showPatients ? actions : [],
            HandledOutside = item.Status == OutboxStatus.HandledOutside && showPatients
                ? actions.LastOrDefault(a => a.Action == ActionWords(ParkedItemActions.HandledOutsideAction))
                : null,
            WaitsOnIds = item.Status == OutboxStatus.Parked && !OutboxOrder.IsOvertaken(item) ? ReceiverIds.Waiting(item) : [],
            Summary = showPatients ? summary?.Summarize(item) ?? [] : [],
            DetailsHidden = !showPatients,
            Retryable = item.Status == OutboxStatus.Parked && !OutboxOrder.IsOvertaken(item),
            AtReceiver = ReceiverResourceView.Latest(item.Attempts),
            Requests = ReceiverResourceView.Every(item.Attempts),
        };
    }

    /// <summary>The adapter that reads the item's payload (and names its channel); null for a content type none reads.</summary>
    private IOutboxPayloadSummary? SummaryOf(OutboxItem item) =>
        services.GetServices<IOutboxPayloadSummary>().FirstOrDefault(s => s.ContentType == item.ContentType);

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
