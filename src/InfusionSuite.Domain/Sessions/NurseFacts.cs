using InfusionSuite.Domain.Sessions.Inputs;

namespace InfusionSuite.Domain.Sessions;

/// <summary>
/// What the nurses said (effective instants): the plan and start, the boundaries they recorded,
/// abort, void, tolerance, adverse events, who acted. Written only by <see cref="Record"/>, for an
/// accepted nurse action.
/// </summary>
internal sealed class NurseFacts
{
    private readonly List<AdverseEventEntry> _adverseEvents = [];
    private readonly List<NurseEntry> _entries = [];
    private readonly List<string> _nurses = [];
    private readonly List<NurseAction> _accepted = [];

    public SessionPlan? Plan { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? CapPlacedAt { get; private set; }

    public DateTimeOffset? InfusionStartedAt { get; private set; }

    public DateTimeOffset? InfusionEndedAt { get; private set; }

    public DateTimeOffset? CapRemovedAt { get; private set; }

    public SessionAbort? Abort { get; private set; }

    public SessionVoid? Void { get; private set; }

    public int? Tolerance { get; private set; }

    public IReadOnlyList<AdverseEventEntry> AdverseEvents => _adverseEvents;

    public IReadOnlyList<NurseEntry> Entries => _entries;

    /// <summary>Every nurse who acted, in order of their first action.</summary>
    public IReadOnlyList<string> Nurses => _nurses;

    /// <summary>True when the same entry was accepted before, entered then or now (<see cref="SameNurseEntry"/>): a resend is a duplicate.</summary>
    public bool HasAccepted(NurseAction action, TimeSpan sameMomentWindow) => _accepted.Exists(accepted => SameNurseEntry.Same(accepted, action, sameMomentWindow));

    public void Record(NurseAction action)
    {
        var at = action.EffectiveInstant;
        switch (action)
        {
            case StartSession start:
                Plan = start.Plan;
                StartedAt = at;
                break;
            case PlaceCap:
                CapPlacedAt = at;
                break;
            case StartInfusion:
                InfusionStartedAt = at;
                break;
            case EndInfusion:
                InfusionEndedAt = at;
                break;
            case RemoveCap:
                CapRemovedAt = at;
                break;
            case AbortSession abort:
                Abort = new SessionAbort(abort.Reason, at, abort.NurseId, abort.Details);
                break;
            case VoidSession voided:
                Void = new SessionVoid(voided.Reason, at, voided.NurseId, voided.Details);
                break;
            case RecordTolerance tolerance:
                Tolerance = tolerance.Score;
                break;
            case GiveBillingDetails details:
                Plan = details.ApplyTo(Plan!);
                break;
            case MoveToCourse move:
                Plan = Plan! with { CourseId = move.CourseId };
                break;
            case RecordAdverseEvent adverse:
                _adverseEvents.Add(new AdverseEventEntry(adverse.Event, at, adverse.NurseId, adverse.Details));
                break;
            default:
                break;
        }

        _accepted.Add(action);
        _entries.Add(new NurseEntry(action.Kind, action.NurseId, action.ReceivedAt, at));
        // Who gave billing details or moved the session did not care for the patient: not a performer of the session.
        if (action is not (GiveBillingDetails or MoveToCourse) && !_nurses.Contains(action.NurseId))
        {
            _nurses.Add(action.NurseId);
        }
    }
}
