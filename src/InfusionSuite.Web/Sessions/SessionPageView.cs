using InfusionSuite.Web.Board;

namespace InfusionSuite.Web.Sessions;

/// <summary>
/// A session's page: the record, the live view, the billing evaluation, FHIR delivery and the audit trail.
/// Patient fields, billing and the audit are null for engineers (left out by the server).
/// </summary>
public sealed record SessionPageView(
    string SessionId,
    string ControllerId,
    string ChairLabel,
    string Status,
    PatientView? Patient,
    AdministrationView? Administration,
    int PreCoolingTargetMinutes,
    int PostCoolingTargetMinutes,
    bool FirstOfCourse,
    string? CapSize,
    DateTimeOffset StartedAt,
    BoundariesView Boundaries,
    IReadOnlyList<PhaseView> Phases,
    InterruptionsView Interruptions,
    IReadOnlyList<DeviationView> Deviations,
    TemperaturesView Temperatures,
    ChairView Live,
    int? Tolerance,
    IReadOnlyList<DocumentedView> AdverseEvents,
    DocumentedView? Abort,
    DocumentedView? Void,
    int SampleCount,
    BillingView? Billing,
    FhirDeliveryView Fhir,
    IReadOnlyList<AuditView>? Audit,
    DateTimeOffset AsOf)
{
    /// <summary>The course the session belongs to (its page: <c>/courses/{id}</c>); null for engineers.</summary>
    public string? CourseId { get; init; }
}

/// <summary>The chemotherapy administration the session goes with.</summary>
public sealed record AdministrationView(string Reference, string? PrimaryCptCode);

/// <param name="RemovalDiscrepancySeconds">The controller's CAP_OFF minus the nurse's "cap removed" when further apart than the same-moment window (the controller's time is the removal); null otherwise.</param>
public sealed record BoundariesView(
    DateTimeOffset? CapPlacedAt,
    string? PlacementSource,
    DateTimeOffset? InfusionStartedAt,
    DateTimeOffset? InfusionEndedAt,
    DateTimeOffset? LastCoolingStopAt,
    DateTimeOffset? CapRemovedAt,
    string? RemovalSource,
    DateTimeOffset? EndedAt,
    long? RemovalDiscrepancySeconds = null);

/// <summary>One phase against its target: <paramref name="End"/> null while it runs (duration so far, to the record's as-of).</summary>
/// <param name="CooledSeconds">
/// The phase's figure, the one the note, the EHR and its deviation use: for pre-cooling and post-abort cooling only the time
/// the controller was cooling, for infusion and post-cooling their duration; null for warm-up (the cap is not cooled).
/// </param>
/// <param name="NotCoolingSeconds">Time in the phase the controller said it was not cooling; for warm-up its whole duration.</param>
/// <param name="CountsCoolingOnly">The phase's figure leaves out <paramref name="NotCoolingSeconds"/> (pre-cooling, post-abort cooling): said beside it.</param>
public sealed record PhaseView(
    string Phase, DateTimeOffset Start, DateTimeOffset? End, long DurationSeconds, long? TargetSeconds, int Interruptions, long InterruptedSeconds,
    long? CooledSeconds = null, long NotCoolingSeconds = 0, bool CountsCoolingOnly = false);

public sealed record InterruptionsView(int Count, long TotalSeconds, long LongestSeconds);

/// <summary>A deviation with its whole minutes (rounded down, as shown to nurses) and exact seconds.</summary>
public sealed record DeviationView(string Code, int Minutes, long Seconds, string Detail);

/// <param name="SetpointSource">Where the setpoint comes from (<c>Controller</c>, <c>ModelSetting</c>); null when it is unknown and the coolant cannot be judged.</param>
public sealed record TemperaturesView(decimal? Setpoint, TemperatureSummaryView Coolant, TemperatureSummaryView Scalp, long CoolantAtSetpointSeconds, string? SetpointSource = null);

public sealed record TemperatureSummaryView(decimal? Min, decimal? Mean, decimal? Max, int Samples);

/// <summary>Something a nurse documented: what, when it happened, and who (display name).</summary>
/// <param name="Details">The nurse's own words for it (an adverse event's description, why a session stopped or is void); null when none.</param>
public sealed record DocumentedView(string What, DateTimeOffset At, string By, string? Details = null);

/// <summary>One audit row: who, when entered, when it happened, what changed.</summary>
public sealed record AuditView(string SessionId, string Action, string By, DateTimeOffset EnteredAt, DateTimeOffset EffectiveAt, bool DocumentedLate, string? StatusBefore, string StatusAfter, string Change)
{
    /// <summary>The action in words when its name does not say it (a staff action on the session's EHR delivery); null otherwise.</summary>
    public string? ActionWords { get; init; }
}

/// <summary>What would be billed for this session, and why not; <see cref="Details"/> what staff gave for it (visit, ordering provider, diagnoses, payer).</summary>
public sealed record BillingView(string DateOfService, IReadOnlyList<CodeView> Codes, IReadOnlyList<string> Warnings)
{
    public BillingDetailsView Details { get; init; } = new(null, null, [], null);

    /// <summary>The patient's courses (the one the session is in marked), to move the session between them.</summary>
    public IReadOnlyList<PatientCourseView> Courses { get; init; } = [];
}

/// <summary>One of the patient's courses: its id, how many sessions it holds, whether this session is in it.</summary>
public sealed record PatientCourseView(string CourseId, int Sessions, bool Current);

/// <summary>The visit (encounter or account), the ordering provider's NPI, the diagnoses (ICD-10-CM) and the payer a session has.</summary>
public sealed record BillingDetailsView(string? Visit, string? OrderingProviderNpi, IReadOnlyList<string> Diagnoses, string? Payer);

/// <summary>One code's decision for the session (billing.md §5: billable, not billable, or held).</summary>
/// <param name="Reasons">The rules' names (<c>SESSION_NOT_FINISHED</c>, <c>NO_VISIT</c>), for systems.</param>
/// <param name="Text">The rule's text as the EHR's ChargeItem note carries it.</param>
/// <param name="Status"><c>billable</c>; <c>held</c> (the rules allow it, it waits for what a billing system needs, e.g. the visit: <paramref name="Reasons"/> say what); or <c>not-billable</c> (why in <paramref name="Reasons"/>).</param>
/// <param name="StatusWords">The status for people: Billed, Held or Not billed.</param>
/// <param name="Words">Why, in sentences for a nurse or a biller (<see cref="BillingWords"/>): what the session page shows.</param>
public sealed record CodeView(string Code, bool Billable, IReadOnlyList<string> Reasons, string Text, string Status, string StatusWords = "", string Words = "");

/// <summary>Delivery of the session's Bundles to the EHR; <paramref name="Configured"/> false when no EHR is set (Bundles are kept for export).</summary>
public sealed record FhirDeliveryView(bool Configured, IReadOnlyList<FhirItemView> Items)
{
    /// <summary>What staff must know about the delivery as configured (e.g. "Billable charges are sent nowhere …").</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>One staff action on an outbox item (retry, handled outside InfusionSuite), as audited: who (display name), when, their note.</summary>
public sealed record StaffActionView(string Action, string By, DateTimeOffset At, string Note);

/// <param name="NextAttemptAt">When a pending item is tried next; null for an item not waiting (sent, parked, handled outside).</param>
/// <param name="ParkedReason">Why it is (or was, before staff handled it outside) parked; null otherwise.</param>
public sealed record FhirItemView(string Kind, string Status, DateTimeOffset EnqueuedAt, DateTimeOffset? SentAt, DateTimeOffset? NextAttemptAt, string? ParkedReason, IReadOnlyList<FhirAttemptView> Attempts)
{
    /// <summary>The status in words: Sent, Parked for staff, Waiting, Queued, Handled outside InfusionSuite.</summary>
    public string StatusWords { get; init; } = string.Empty;

    /// <summary>What a pending item waits for (an earlier item of its session); null otherwise.</summary>
    public string? WaitingFor { get; init; }

    /// <summary>Staff's "handled outside InfusionSuite" of this item (who, when, the note); null when it was not.</summary>
    public StaffActionView? HandledOutside { get; init; }

    /// <summary>Every staff action on this item, oldest first (also in the session's audit trail).</summary>
    public IReadOnlyList<StaffActionView> StaffActions { get; init; } = [];

    /// <summary>The parts of a parked item whose id at the EHR is unknown (a lost answer, a refusal, a hold): staff may give it with "handled outside".</summary>
    public IReadOnlyList<string> WaitsOnIds { get; init; } = [];

    /// <summary>Every request of every attempt, in the order they were made (a retry never hides the first POST), with the attempt's number and end.</summary>
    public IReadOnlyList<ReceiverResourceView> Requests { get; init; } = [];

    /// <summary>The outbox item, for the staff actions on a parked one (<c>/api/outbox/{id}/…</c>).</summary>
    public Guid Id { get; init; }

    /// <summary>Parked and may be sent again; false for one a newer item of its session overtook (only "handled outside" is left).</summary>
    public bool Retryable { get; init; }

    /// <summary>What the item carries: <c>application/fhir+json</c> (a Bundle) or HL7 v2.</summary>
    public string ContentType { get; init; } = string.Empty;

    /// <summary>The delivery channel (<c>fhir</c>: to the EHR; <c>hl7v2</c>: to the interface engine), each under its own heading on the page; null when no adapter reads the content type.</summary>
    public string? Channel { get; init; }

    /// <summary>
    /// What the payload carries in readable lines: per FHIR resource (chair, codes, statuses, the Procedure's summary with deviations);
    /// for an HL7 message its type and event, a DFT's charge or credit with code × units, an ORU's result status (OBX-11) and values.
    /// </summary>
    public IReadOnlyList<string> Summary { get; init; } = [];

    /// <summary>True when the receiver's texts and the summary were left out (a role without patient data).</summary>
    public bool DetailsHidden { get; init; }

    /// <summary>The payload itself (indented JSON for a Bundle); only in <c>GET /api/sessions/{id}/fhir</c>.</summary>
    public string? Payload { get; init; }

    /// <summary>
    /// What the receiver holds of this item after its latest attempts, one row per resource: the server's id
    /// (location) when known, or "left out" with the reason (a resource type the EHR does not take). Empty for
    /// a transaction Bundle or an HL7 message (the receiver keeps no per-resource ids for those).
    /// </summary>
    public IReadOnlyList<ReceiverResourceView> AtReceiver { get; init; } = [];
}

/// <summary>One attempt and the server's answer.</summary>
public sealed record FhirAttemptView(int Number, DateTimeOffset FinishedAt, string Outcome, int? HttpStatus, string? ServerMessage)
{
    /// <summary>Each resource this attempt reached (or left out), with the server's id.</summary>
    public IReadOnlyList<ReceiverResourceView> Resources { get; init; } = [];
}
