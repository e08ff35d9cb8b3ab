using Hl7.Fhir.Model;
using InfusionSuite.Application.Outbox;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Fhir.Mapping;

namespace InfusionSuite.Fhir.Outbox;

/// <summary>
/// Builds the outbox item for an ended or voided session: its transaction Bundle as compact FHIR JSON.
/// The store writes it inside the database transaction that records the end (or the void).
/// </summary>
public sealed class FhirOutboxItems(SessionBundleMapper mapper)
{
    /// <summary>The content type of every item made here; the FHIR dispatcher takes only these.</summary>
    public const string ContentType = "application/fhir+json";

    /// <summary>The delivery channel of these items (<see cref="IOutboxPayloadSummary.Channel"/>).</summary>
    public const string Channel = "fhir";

    /// <summary>The session's Bundle; a <paramref name="correction"/> (documented after it was sent) updates what was sent.</summary>
    public OutboxItem Create(ScalpCoolingSessionRecord record, SessionFhirContext context, DateTimeOffset enqueuedAt, bool correction = false)
    {
        ArgumentNullException.ThrowIfNull(record);
        var bundle = mapper.Map(record, context, correction && record.Status != SessionStatus.Voided);
        return new OutboxItem
        {
            Id = Guid.CreateVersion7(enqueuedAt),
            SessionId = record.Plan.SessionId,
            Kind = record.Status == SessionStatus.Voided ? OutboxItemKind.Void : correction ? OutboxItemKind.Correction : OutboxItemKind.Session,
            ContentType = ContentType,
            Payload = FhirJson.Serialize(bundle),
            EnqueuedAt = enqueuedAt,
            NextAttemptAt = enqueuedAt,
        };
    }

    /// <summary>The correction of a session's charges (<see cref="OutboxItemKind.Correction"/>): its ChargeItems as conditional updates.</summary>
    public OutboxItem CreateChargeCorrection(ScalpCoolingSessionRecord record, SessionFhirContext context, DateTimeOffset enqueuedAt)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new OutboxItem
        {
            Id = Guid.CreateVersion7(enqueuedAt),
            SessionId = record.Plan.SessionId,
            Kind = OutboxItemKind.Correction,
            ContentType = ContentType,
            Payload = FhirJson.Serialize(mapper.MapChargeCorrection(record, context)),
            EnqueuedAt = enqueuedAt,
            NextAttemptAt = enqueuedAt,
        };
    }

    /// <summary>
    /// Whether two payloads carry the same resources (their request lines aside: a correction PUTs what the first POSTed): a
    /// correction that would change nothing at the EHR is not sent (issue 13's trial: a correction identical to the first).
    /// </summary>
    public static bool SameResources(string payload, string? earlier)
    {
        if (string.IsNullOrEmpty(payload) || string.IsNullOrEmpty(earlier))
        {
            return false;
        }

        static List<string> Resources(string json) =>
            [.. FhirJson.Parse<Bundle>(json).Entry.Select(e => e.Resource is null ? string.Empty : FhirJson.Serialize(e.Resource))];
        return Resources(payload).SequenceEqual(Resources(earlier), StringComparer.Ordinal);
    }
}
