using InfusionSuite.Application.Billing;
using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Application.Nursing;

/// <summary>
/// The nurse actions on scalp-cooling sessions. Each is validated by the domain, stored (input log
/// and audit row, one transaction) and only then answered; a refusal stores nothing. Actions run in
/// the same ordered writer as controller messages, so a session's log has one order.
/// <c>effectiveAt</c> is when it happened, for late documentation (default: now).
/// </summary>
public interface INurseActions
{
    Task<NurseActionResult> StartSessionAsync(StartSessionRequest request, CancellationToken cancellationToken);

    /// <summary>The cap is on and cooling, when the controller cannot say so itself.</summary>
    Task<NurseActionResult> CapPlacedAsync(string sessionId, string nurseId, DateTimeOffset? effectiveAt, CancellationToken cancellationToken);

    Task<NurseActionResult> InfusionStartedAsync(string sessionId, string nurseId, DateTimeOffset? effectiveAt, CancellationToken cancellationToken);

    Task<NurseActionResult> InfusionEndedAsync(string sessionId, string nurseId, DateTimeOffset? effectiveAt, CancellationToken cancellationToken);

    Task<NurseActionResult> CapRemovedAsync(string sessionId, string nurseId, DateTimeOffset? effectiveAt, CancellationToken cancellationToken);

    /// <summary>
    /// Stops the session early. <paramref name="details"/>: the nurse's words, required for
    /// <see cref="AbortReason.Other"/>, at most <see cref="AdverseEventEntry.MaxDetailsLength"/> characters, no
    /// control characters; otherwise an invalid result naming <c>details</c>.
    /// </summary>
    Task<NurseActionResult> AbortAsync(string sessionId, string nurseId, AbortReason reason, string? details, DateTimeOffset? effectiveAt, CancellationToken cancellationToken);

    /// <summary>
    /// Voids the record. <paramref name="details"/>: the nurse's words, required for <see cref="VoidReason.Other"/>,
    /// as for <see cref="AbortAsync"/>.
    /// </summary>
    Task<NurseActionResult> VoidAsync(string sessionId, string nurseId, VoidReason reason, string? details, CancellationToken cancellationToken);

    Task<NurseActionResult> RecordToleranceAsync(string sessionId, string nurseId, int score, DateTimeOffset? effectiveAt, CancellationToken cancellationToken);

    /// <summary>
    /// Documents an adverse event. <paramref name="details"/>: the nurse's words, required for
    /// <see cref="AdverseEventKind.Other"/>, at most <see cref="AdverseEventEntry.MaxDetailsLength"/> characters,
    /// no control characters; otherwise an invalid result naming <c>details</c>.
    /// </summary>
    Task<NurseActionResult> RecordAdverseEventAsync(
        string sessionId, string nurseId, AdverseEventKind adverseEvent, string? details, DateTimeOffset? effectiveAt, CancellationToken cancellationToken);

    /// <summary>
    /// Staff give the visit, ordering provider, diagnoses or payer, also after the end (audited, not on a
    /// voided session): billing is decided again and the EHR gets the corrections (a held charge is sent).
    /// </summary>
    Task<NurseActionResult> GiveBillingDetailsAsync(string sessionId, string staffId, BillingDetailsEntry entry, CancellationToken cancellationToken);

    /// <summary>
    /// Staff move the session to another course of its patient, or to a new one (audited, not on a voided
    /// session; never to another patient's course): billing is decided again over both courses and the
    /// corrections go to the EHR (HL7 credit and new charge, updated ChargeItems).
    /// </summary>
    Task<NurseActionResult> MoveToCourseAsync(string sessionId, string staffId, string courseId, CancellationToken cancellationToken);
}
