using InfusionSuite.Application.Nursing;
using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Sessions.Inputs;

namespace InfusionSuite.Application.Ingest;

/// <summary>
/// Takes one nurse command at the writer's instant: a start goes to <see cref="SessionStart"/>;
/// any other action is folded into its session (held, or rebuilt from the store) and, when
/// accepted, waits in the pending batch for its answer. A refusal is answered at once.
/// </summary>
internal sealed class NurseCommandHandler(
    SessionRegistry sessions,
    SessionStart start,
    PendingBatch pending,
    IngestMetrics metrics,
    ICourseLookup courses,
    TimeProvider timeProvider)
{
    public async Task HandleAsync(NurseCommand command, CancellationToken cancellationToken)
    {
        metrics.Message(IngestKind.Nurse);
        var receivedAt = Instants.ToStored(timeProvider.GetUtcNow());
        if (command.Start is { } request)
        {
            await start.StartAsync(command, request, receivedAt, cancellationToken);
            return;
        }

        var sessionId = command.SessionId!;
        var live = await sessions.FindAsync(sessionId, cancellationToken);
        if (live is null)
        {
            command.Complete(NurseActionResult.NotFound(sessionId));
            return;
        }

        var action = Normalise(command.Build!(receivedAt));
        if (action is MoveToCourse move && await CourseProblemAsync(live, move, cancellationToken) is { } problem)
        {
            command.Complete(NurseActionResult.Invalid(problem));
            return;
        }

        var before = live.Session.Status;
        var outcome = live.Session.Apply(action);
        if (!outcome.IsAccepted)
        {
            command.Complete(NurseActionResult.From(outcome, live.SessionId, live.Session.Status is null ? null : live.Session.ToRecord()));
            return;
        }

        pending.AddNurseAction(command, live, action, before);
    }

    /// <summary>A session moves only to another course of its own patient, or to a new one (the error never names the patient).</summary>
    private async Task<FieldError?> CourseProblemAsync(LiveSession live, MoveToCourse move, CancellationToken cancellationToken)
    {
        if (live.Session.Status is null)
        {
            return null; // not started: the domain refuses it
        }

        var plan = live.Session.ToRecord().Plan;
        if (string.Equals(plan.CourseId, move.CourseId, StringComparison.Ordinal))
        {
            return new FieldError("courseId", "The session is in this course already.");
        }

        return await courses.PatientOfCourseAsync(move.CourseId, cancellationToken) is { } patient
            && !string.Equals(patient, plan.PatientReference, StringComparison.Ordinal)
            ? new FieldError("courseId", "That course belongs to another patient.")
            : null;
    }

    private static NurseAction Normalise(NurseAction action) =>
        action.EffectiveAt is { } effective ? action with { EffectiveAt = Instants.ToStored(effective) } : action;
}
