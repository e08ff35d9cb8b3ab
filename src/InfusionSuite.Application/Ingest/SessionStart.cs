using InfusionSuite.Application.Nursing;
using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Domain.Sessions.Inputs;

namespace InfusionSuite.Application.Ingest;

/// <summary>
/// The start path: checks the request, refuses a chair that is running a session and an id that is
/// taken, folds the start into a new session that becomes the chair's current one, and puts the new
/// session and its first input in the pending batch (the nurse is answered after the commit). The
/// course is explicit: the one the request names (the EHR's plan or order id), else a new course when
/// the nurse starts one ("first session of the course"), else the course of the patient's latest session.
/// Patient identity (issue 13, patient safety): a second running session for the same patient, or a
/// name that differs from the one on file, is not started until the nurse confirms it, and the
/// confirmation is audited. So is a start on a chair whose controller has never been heard from and is not
/// configured (a mistyped id left a phantom chair on the board for good). A start retried with its own session id (its answer was lost) is answered
/// with the session it started, not refused.
/// </summary>
internal sealed class SessionStart(
    SessionRegistry sessions,
    PendingBatch pending,
    IIngestStore store,
    SessionPolicySource policies,
    ICourseLookup courses,
    IPatientNames names,
    ControllerAdmission admission)
{
    private static readonly TimeSpan LateStartLookBack = TimeSpan.FromMinutes(1);

    /// <summary>How far before a start the controller's cooling that was already running is looked for.</summary>
    private static readonly TimeSpan CoolingLookBack = TimeSpan.FromHours(2);

    public async Task StartAsync(NurseCommand command, StartSessionRequest request, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var policy = policies.Current;
        if (StartSessionValidation.Problem(request, policy) is { } problem)
        {
            command.Complete(NurseActionResult.Invalid(problem));
            return;
        }

        var sessionId = request.SessionId ?? Guid.CreateVersion7(receivedAt).ToString("N");
        if (request.SessionId is not null && await sessions.FindAsync(sessionId, cancellationToken) is { } existing)
        {
            command.Complete(existing.Session.Plan is { } startedWith && SameStart(startedWith, request)
                ? new NurseActionResult(NurseActionOutcome.Duplicate, RefusalReason.None, "This session was already started.", sessionId, existing.Session.ToRecord())
                : new NurseActionResult(
                    NurseActionOutcome.Refused, RefusalReason.SessionAlreadyStarted, InputOutcome.Refused(RefusalReason.SessionAlreadyStarted).Text, sessionId, null));
            return;
        }

        if (sessions.TryCurrent(request.ControllerId, out var running) && !running.Ended)
        {
            command.Complete(new NurseActionResult(
                NurseActionOutcome.ControllerInUse, RefusalReason.None, "Another session is running on this chair.", running.SessionId, null));
            return;
        }

        if (sessions.Holds(sessionId))
        {
            command.Complete(new NurseActionResult(
                NurseActionOutcome.Refused, RefusalReason.SessionAlreadyStarted, InputOutcome.Refused(RefusalReason.SessionAlreadyStarted).Text, sessionId, null));
            return;
        }

        if (!request.ConfirmUnheardController && !admission.HasBeenHeard(request.ControllerId))
        {
            // A mistyped chair id would start a session no controller feeds, and leave a chair on the board for good.
            command.Complete(new NurseActionResult(
                NurseActionOutcome.NeedsConfirmation, RefusalReason.None,
                $"The controller of chair {request.ControllerId} has never been heard from, and it is not a configured chair. Check the chair's id, then confirm to start on it.",
                null, null, StartConfirmations.UnheardController));
            return;
        }

        var concerns = await IdentityConcernsAsync(request, cancellationToken);
        if (concerns.Count > 0 && !request.IdentityConfirmed)
        {
            command.Complete(new NurseActionResult(
                NurseActionOutcome.NeedsConfirmation, RefusalReason.None,
                string.Join(" ", concerns.Select(c => c.ForNurse)) + " Check the patient's identity, then confirm to start.", null, null, StartConfirmations.Identity));
            return;
        }

        var preset = request.RegimenPreset is null ? null : policy.Presets.First(p => p.Name == request.RegimenPreset);
        var courseId = string.IsNullOrWhiteSpace(request.CourseId)
            ? (request.FirstOfCourse ? null : await courses.LatestCourseAsync(request.PatientReference, cancellationToken)) ?? "course-" + sessionId
            : request.CourseId;
        var plan = new SessionPlan(
            sessionId, courseId, request.PatientReference, request.Administration, request.ControllerId,
            request.Targets ?? preset!.Targets, request.CapSize, request.FirstOfCourse,
            string.IsNullOrWhiteSpace(request.EncounterReference) ? null : request.EncounterReference.Trim(),
            PatientEhrReference: request.PatientEhrReference);
        var live = new LiveSession(sessionId, request.ControllerId, new ScalpCoolingSession(policy));
        var action = new StartSession(receivedAt, request.NurseId, plan, Instants.ToStored(request.EffectiveAt));
        var outcome = live.Session.Apply(action);
        if (!outcome.IsAccepted)
        {
            command.Complete(NurseActionResult.From(outcome, sessionId, null));
            return;
        }

        // What the controller said before the start was entered arrived before the session existed: stored
        // first, so that a late start, or a start while the controller is already cooling, can take it.
        await pending.CommitAsync(cancellationToken);

        pending.AddStarted(new StartedSession(plan, preset?.Name ?? "custom", action.EffectiveInstant, policy, request.PatientName));
        sessions.Begin(live);
        var unheard = !admission.HasBeenHeard(request.ControllerId);
        admission.Known([request.ControllerId]); // a chair a nurse started a session on is admitted, whatever the limit
        pending.AddNurseAction(command, live, action, null, Confirmed(unheard, concerns));
        if (sessions.LastHello(request.ControllerId) is { } hello)
        {
            // The controller said who it is before the session began: its model and firmware belong to the record.
            var sighting = new ControllerHelloReceived(receivedAt, hello);
            if (live.Session.Apply(sighting).IsAccepted)
            {
                pending.AddInput(live, request.ControllerId, sighting);
            }
        }

        if (sessions.LastSetpoint(request.ControllerId) is { } setpoint)
        {
            // The controller reported its setpoint before the session began (often while pre-chilling).
            var known = new ControllerSetpointKnown(receivedAt, setpoint.Setpoint, setpoint.ReportedAt);
            if (live.Session.Apply(known).IsAccepted)
            {
                pending.AddInput(live, request.ControllerId, known);
            }
        }

        await AdoptAsync(live, action, policy, receivedAt, cancellationToken);
    }

    /// <summary>
    /// What the nurse must confirm before this start, each in words for the nurse (the name on file is
    /// shown to her, never logged) and for the audit (no patient data): another running session for
    /// the patient, a name different from the one on file.
    /// </summary>
    private async Task<List<(string ForNurse, string ForAudit)>> IdentityConcernsAsync(StartSessionRequest request, CancellationToken cancellationToken)
    {
        var concerns = new List<(string ForNurse, string ForAudit)>();
        if (sessions.RunningFor(request.PatientReference) is { } other)
        {
            concerns.Add(($"Another session is running for this patient on {other.ControllerId}.", "another session running for the patient"));
        }

        if (request.PatientName is { } entered
            && (await names.FindAsync([request.PatientReference], cancellationToken)).TryGetValue(request.PatientReference, out var onFile)
            && !Ehr.PersonName.Same(entered, onFile))
        {
            concerns.Add(($"The name on file for this patient is \"{onFile}\".", "name differs from the one on file"));
        }

        return concerns;
    }

    /// <summary>What the nurse confirmed to start, for the audit (no patient data); null when nothing needed confirming.</summary>
    private static string? Confirmed(bool unheardController, List<(string ForNurse, string ForAudit)> concerns)
    {
        var confirmed = new List<string>(2);
        if (unheardController)
        {
            confirmed.Add("chair confirmed by the nurse: its controller had never been heard from");
        }

        if (concerns.Count > 0)
        {
            confirmed.Add("identity confirmed by the nurse: " + string.Join(", ", concerns.Select(c => c.ForAudit)));
        }

        return confirmed.Count == 0 ? null : string.Join("; ", confirmed);
    }

    /// <summary>The retried start is the same start: the same chair, patient and chemotherapy administration.</summary>
    private static bool SameStart(SessionPlan plan, StartSessionRequest request) =>
        string.Equals(plan.ControllerId, request.ControllerId, StringComparison.Ordinal)
        && string.Equals(plan.PatientReference, request.PatientReference, StringComparison.Ordinal)
        && string.Equals(plan.Administration.Reference, request.Administration.Reference, StringComparison.Ordinal);

    /// <summary>
    /// A start documented late takes the controller's samples and events from its effective time on
    /// (and a minute before, so that the controller's clock is known). A start, live or late, whose
    /// effective time falls while the controller is already cooling with the cap connected takes them
    /// from a minute before that cooling's COOLING_START (up to <see cref="CoolingLookBack"/> back), so
    /// that the session is placed there. Each one the session accepts joins its log after the start.
    /// </summary>
    private async Task AdoptAsync(LiveSession live, StartSession action, SessionPolicy policy, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var effective = action.EffectiveInstant;
        var messages = await store.LoadUnassignedAsync(live.ControllerId, effective - CoolingLookBack, cancellationToken);
        DateTimeOffset? since = effective < receivedAt ? effective - LateStartLookBack : null;
        if (LatestCoolingStartArrival(messages) - LateStartLookBack is { } cooling && (since is not { } late || cooling < late)
            && PlacedBeforeItsStart(action, policy, messages.Where(m => m.Input.ReceivedAt >= cooling)))
        {
            since = cooling;
        }

        if (since is not { } from)
        {
            return;
        }

        foreach (var message in messages)
        {
            if (message.Input.ReceivedAt >= from && live.Session.Apply(message.Input).IsAccepted)
            {
                pending.Adopt(message.IngestSeq, live);
            }
        }
    }

    /// <summary>When the controller's latest unassigned COOLING_START arrived; null when none did.</summary>
    private static DateTimeOffset? LatestCoolingStartArrival(IReadOnlyList<UnassignedMessage> messages)
    {
        DateTimeOffset? latest = null;
        foreach (var message in messages)
        {
            if (message.Input is DeviceEventReceived { Event.Kind: ControllerEventKind.CoolingStart } e && (latest is not { } known || e.ReceivedAt > known))
            {
                latest = e.ReceivedAt;
            }
        }

        return latest;
    }

    /// <summary>Whether these messages place the session (the domain decides, on a copy) before its effective time: the controller was already cooling then.</summary>
    private static bool PlacedBeforeItsStart(StartSession action, SessionPolicy policy, IEnumerable<UnassignedMessage> messages)
    {
        var trial = new ScalpCoolingSession(policy);
        trial.Apply(action);
        foreach (var message in messages)
        {
            trial.Apply(message.Input);
        }

        var boundaries = trial.ToRecord().Boundaries;
        return boundaries.PlacementSource == BoundarySource.Controller && boundaries.CapPlacedAt < action.EffectiveInstant;
    }

}
