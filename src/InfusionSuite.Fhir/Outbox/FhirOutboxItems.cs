using InfusionSuite.Domain.Sessions;
using InfusionSuite.Fhir.Mapping;

namespace InfusionSuite.Fhir.Outbox;

/// <summary>
/// Builds the outbox item for an ended or voided session. Storage calls it inside the database
/// transaction that records the end (or the void) and inserts the result there.
/// </summary>
public sealed class FhirOutboxItems(SessionBundleMapper mapper)
{
    public FhirOutboxItem Create(ScalpCoolingSessionRecord record, SessionFhirContext context, DateTimeOffset enqueuedAt)
    {
        ArgumentNullException.ThrowIfNull(record);
        var bundle = mapper.Map(record, context);
        return new FhirOutboxItem
        {
            Id = Guid.CreateVersion7(enqueuedAt),
            SessionId = record.Plan.SessionId,
            Kind = record.Status == SessionStatus.Voided ? FhirOutboxItemKind.Void : FhirOutboxItemKind.Session,
            BundleJson = FhirJson.Serialize(bundle),
            EnqueuedAt = enqueuedAt,
            NextAttemptAt = enqueuedAt,
        };
    }
}
