using InfusionSuite.Application.Billing;
using InfusionSuite.Application.Ingest;
using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Domain.Sessions.Inputs;

namespace InfusionSuite.Application.Nursing;

/// <summary>
/// Turns each call into a <see cref="NurseRequest"/>: written by this process's writer (a command for it, answered
/// after its commit), or, when another worker owns the chair's site, sent to that worker through the
/// <see cref="INurseCommandRelay"/> and answered after its commit, the record then read back from the database.
/// </summary>
internal sealed class NurseActions(NurseCommandQueue queue, INurseCommandRelay relay, IIngestStore store) : INurseActions, ILocalNurseActions
{
    /// <summary>
    /// Starts the session; billing details given with the start are then recorded as the nurse's next action (audited
    /// as given, billing decided again), and the answer carries the record with them. A start that was refused or a
    /// repeat of a stored one records nothing more.
    /// </summary>
    public async Task<NurseActionResult> StartSessionAsync(StartSessionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = await SendAsync(new NurseRequest(NurseActionKind.StartSession, null, request.NurseId, request.EffectiveAt, Start: request), cancellationToken);
        if (!started.IsAccepted || request.BillingDetails is not { } details || started.SessionId is not { } sessionId)
        {
            return started;
        }

        var given = await SendAsync(new NurseRequest(NurseActionKind.BillingDetails, sessionId, request.NurseId, BillingDetails: details), cancellationToken);
        return given.IsAccepted ? given : started;
    }

    public Task<NurseActionResult> CapPlacedAsync(string sessionId, string nurseId, DateTimeOffset? effectiveAt, CancellationToken cancellationToken) =>
        SendAsync(new NurseRequest(NurseActionKind.CapPlaced, sessionId, nurseId, effectiveAt), cancellationToken);

    public Task<NurseActionResult> InfusionStartedAsync(string sessionId, string nurseId, DateTimeOffset? effectiveAt, CancellationToken cancellationToken) =>
        SendAsync(new NurseRequest(NurseActionKind.InfusionStarted, sessionId, nurseId, effectiveAt), cancellationToken);

    public Task<NurseActionResult> InfusionEndedAsync(string sessionId, string nurseId, DateTimeOffset? effectiveAt, CancellationToken cancellationToken) =>
        SendAsync(new NurseRequest(NurseActionKind.InfusionEnded, sessionId, nurseId, effectiveAt), cancellationToken);

    public Task<NurseActionResult> CapRemovedAsync(string sessionId, string nurseId, DateTimeOffset? effectiveAt, CancellationToken cancellationToken) =>
        SendAsync(new NurseRequest(NurseActionKind.CapRemoved, sessionId, nurseId, effectiveAt), cancellationToken);

    public Task<NurseActionResult> AbortAsync(string sessionId, string nurseId, AbortReason reason, string? details, DateTimeOffset? effectiveAt, CancellationToken cancellationToken)
    {
        var (text, problem) = NurseWords.Check(details, NurseWords.For(reason));
        return problem is not null
            ? Task.FromResult(NurseActionResult.Invalid(problem))
            : SendAsync(new NurseRequest(NurseActionKind.Abort, sessionId, nurseId, effectiveAt, AbortReason: reason, Details: text), cancellationToken);
    }

    public Task<NurseActionResult> VoidAsync(string sessionId, string nurseId, VoidReason reason, string? details, CancellationToken cancellationToken)
    {
        var (text, problem) = NurseWords.Check(details, NurseWords.For(reason));
        return problem is not null
            ? Task.FromResult(NurseActionResult.Invalid(problem))
            : SendAsync(new NurseRequest(NurseActionKind.Void, sessionId, nurseId, VoidReason: reason, Details: text), cancellationToken);
    }

    public Task<NurseActionResult> RecordToleranceAsync(string sessionId, string nurseId, int score, DateTimeOffset? effectiveAt, CancellationToken cancellationToken) =>
        SendAsync(new NurseRequest(NurseActionKind.Tolerance, sessionId, nurseId, effectiveAt, Tolerance: score), cancellationToken);

    public Task<NurseActionResult> RecordAdverseEventAsync(
        string sessionId, string nurseId, AdverseEventKind adverseEvent, string? details, DateTimeOffset? effectiveAt, CancellationToken cancellationToken)
    {
        var (text, problem) = NurseWords.Check(details, NurseWords.For(adverseEvent));
        return problem is not null
            ? Task.FromResult(NurseActionResult.Invalid(problem))
            : SendAsync(new NurseRequest(NurseActionKind.AdverseEvent, sessionId, nurseId, effectiveAt, AdverseEvent: adverseEvent, Details: text), cancellationToken);
    }

    public Task<NurseActionResult> GiveBillingDetailsAsync(string sessionId, string staffId, BillingDetailsEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var (_, details, errors) = BillingDetailsValidation.Check(entry);
        return details is null
            ? Task.FromResult(NurseActionResult.Invalid(errors[0]))
            : SendAsync(new NurseRequest(NurseActionKind.BillingDetails, sessionId, staffId, BillingDetails: entry), cancellationToken);
    }

    public Task<NurseActionResult> MoveToCourseAsync(string sessionId, string staffId, string courseId, CancellationToken cancellationToken)
    {
        var course = courseId?.Trim();
        return string.IsNullOrEmpty(course) || course.Length > StartSessionValidation.MaxTextLength
            ? Task.FromResult(NurseActionResult.Invalid(new FieldError("courseId", "Give the course to move the session to (up to 200 characters).")))
            : SendAsync(new NurseRequest(NurseActionKind.CourseMove, sessionId, staffId, CourseId: course), cancellationToken);
    }

    public Task<NurseActionResult> WriteAsync(NurseRequest request, long relayedCommandId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Invalid(request) ?? queue.SendAsync(ToCommand(request, relayedCommandId), cancellationToken);
    }

    private async Task<NurseActionResult> SendAsync(NurseRequest request, CancellationToken cancellationToken)
    {
        if (Invalid(request) is { } invalid)
        {
            return await invalid;
        }

        if (await relay.SendAsync(request, cancellationToken) is not { } answer)
        {
            return await queue.SendAsync(ToCommand(request), cancellationToken);
        }

        var stored = answer.SessionId is { } id ? await store.LoadSessionAsync(id, cancellationToken) : null;
        var record = stored is null ? null : SessionRegistry.Rebuild(stored).Session.ToRecord();
        return new NurseActionResult(answer.Outcome, answer.Reason, answer.Message, answer.SessionId, record, answer.Field);
    }

    private static Task<NurseActionResult>? Invalid(NurseRequest request) =>
        request.Kind != NurseActionKind.StartSession && (string.IsNullOrWhiteSpace(request.SessionId) || string.IsNullOrWhiteSpace(request.ActorId))
            ? Task.FromResult(NurseActionResult.Invalid("A session id and a nurse id are required."))
            : null;

    private static NurseCommand ToCommand(NurseRequest request, long? relayedCommandId = null) => request.Kind switch
    {
        NurseActionKind.StartSession => new NurseCommand(
            null, request.Start ?? throw new ArgumentException("A start carries its request.", nameof(request)), null, relayedCommandId),
        _ => new NurseCommand(request.SessionId, null, Build(request), relayedCommandId),
    };

    private static Func<DateTimeOffset, NurseAction> Build(NurseRequest r) => r.Kind switch
    {
        NurseActionKind.CapPlaced => now => new PlaceCap(now, r.ActorId, r.EffectiveAt),
        NurseActionKind.InfusionStarted => now => new StartInfusion(now, r.ActorId, r.EffectiveAt),
        NurseActionKind.InfusionEnded => now => new EndInfusion(now, r.ActorId, r.EffectiveAt),
        NurseActionKind.CapRemoved => now => new RemoveCap(now, r.ActorId, r.EffectiveAt),
        NurseActionKind.Abort => now => new AbortSession(now, r.ActorId, r.AbortReason!.Value, r.EffectiveAt, r.Details),
        NurseActionKind.Void => now => new VoidSession(now, r.ActorId, r.VoidReason!.Value, Details: r.Details),
        NurseActionKind.Tolerance => now => new RecordTolerance(now, r.ActorId, r.Tolerance!.Value, r.EffectiveAt),
        NurseActionKind.AdverseEvent => now => new RecordAdverseEvent(now, r.ActorId, r.AdverseEvent!.Value, r.EffectiveAt, r.Details),
        NurseActionKind.BillingDetails => Billing(r),
        NurseActionKind.CourseMove => now => new MoveToCourse(now, r.ActorId, r.CourseId!),
        _ => throw new ArgumentOutOfRangeException(nameof(r), r.Kind, "Not an action on a session."),
    };

    private static Func<DateTimeOffset, NurseAction> Billing(NurseRequest r)
    {
        var (visit, details, _) = BillingDetailsValidation.Check(r.BillingDetails!);
        return now => new GiveBillingDetails(now, r.ActorId, visit, details!);
    }
}
