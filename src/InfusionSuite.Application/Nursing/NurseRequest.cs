using InfusionSuite.Application.Billing;
using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Application.Nursing;

/// <summary>
/// A nurse action as data, before the writer stamps its entry instant: what <see cref="INurseActions"/> was asked,
/// so it can travel to the worker that owns the chair's site (<see cref="Ports.INurseCommandRelay"/>) and be
/// applied there exactly as on a single node. Carries patient data (a start's reference and name): never logged.
/// </summary>
/// <param name="Details">The nurse's words beside an adverse event, abort or void reason (checked: <see cref="NurseWords"/>); null when none.</param>
public sealed record NurseRequest(
    NurseActionKind Kind,
    string? SessionId,
    string ActorId,
    DateTimeOffset? EffectiveAt = null,
    StartSessionRequest? Start = null,
    AbortReason? AbortReason = null,
    VoidReason? VoidReason = null,
    int? Tolerance = null,
    AdverseEventKind? AdverseEvent = null,
    BillingDetailsEntry? BillingDetails = null,
    string? CourseId = null,
    string? Details = null)
{
    /// <summary>The controller a start is for; null for an action on a session.</summary>
    public string? ControllerId => Start?.ControllerId;
}
