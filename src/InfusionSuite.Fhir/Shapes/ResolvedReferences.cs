using Hl7.Fhir.Model;
using InfusionSuite.Application.Outbox;
using InfusionSuite.Fhir.Delivery;

namespace InfusionSuite.Fhir.Shapes;

/// <summary>What <see cref="ReferenceResolver"/> found: literal references by logical key, reasons to hold, notes for staff.</summary>
internal sealed class ResolvedReferences
{
    /// <summary>By <see cref="ReferenceResolver.Key"/>: the literal reference, or null to leave the reference out.</summary>
    public Dictionary<string, string?> Literal { get; } = new(StringComparer.Ordinal);

    /// <summary>References the EHR does not hold (or that cannot be checked): the item is held for staff.</summary>
    public List<string> Holds { get; } = [];

    /// <summary>How the reason of an item held for references begins.</summary>
    public const string HeldPrefix = "Held: references not at the EHR";

    /// <summary>This session's own resources (e.g. <c>Procedure 97008</c>) that are referenced but not known at the EHR: staff may give their ids.</summary>
    public List<string> OwnProcedures { get; } = [];

    /// <summary>The EHR could not be asked now (a transient failure): try again later.</summary>
    public EhrResponse? Unavailable { get; set; }

    /// <summary>
    /// What the attempt comes to before anything is sent, the same in every shape: tried again later when the EHR could
    /// not be asked, held for staff (refused, with the reason) when a reference is not there; null to go on and send.
    /// </summary>
    public FhirSendResult? Stop()
    {
        if (Unavailable is { } unavailable)
        {
            return new FhirSendResult(OutboxAttemptOutcome.TransientFailure, unavailable.Status, "References could not be looked up: " + unavailable.Explanation(), unavailable.RetryAfter);
        }

        return Holds.Count > 0
            ? new FhirSendResult(OutboxAttemptOutcome.Rejected, null, HeldPrefix + ": " + string.Join("; ", Holds) + ". Nothing was sent: retry once they are there, or mark it handled outside InfusionSuite.")
            {
                LogReason = "held: references not at the EHR",
                Resources = [.. OwnProcedures.Select(key => new ReceiverResource(key, null, ReceiverResource.NotAtReceiver) { Reason = "it has not reached the EHR" })],
            }
            : null;
    }

    /// <summary>
    /// A logical reference replaced by the literal one found; any other reference (literal, a Bundle's <c>urn:uuid:</c>, one
    /// of the session's own Procedures) as it is.
    /// </summary>
    public ResourceReference? Rewrite(ResourceReference reference) =>
        reference.Reference is null && reference.Identifier is not null && reference.Type is not null
            && Literal.TryGetValue(ReferenceResolver.Key(reference), out var literal)
            ? literal is null ? null : new ResourceReference(literal) { Display = reference.Display }
            : reference;
}
