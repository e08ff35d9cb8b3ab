using InfusionSuite.Application.Billing;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Domain.Sessions.Inputs;

namespace InfusionSuite.Application.Nursing;

/// <summary>Turns each call into a command for the single writer and waits for its stored answer.</summary>
internal sealed class NurseActions(NurseCommandQueue queue) : INurseActions
{
    public Task<NurseActionResult> StartSessionAsync(StartSessionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return queue.SendAsync(new NurseCommand(null, request, null), cancellationToken);
    }

    public Task<NurseActionResult> CapPlacedAsync(string sessionId, string nurseId, DateTimeOffset? effectiveAt, CancellationToken cancellationToken) =>
        SendAsync(sessionId, nurseId, now => new PlaceCap(now, nurseId, effectiveAt), cancellationToken);

    public Task<NurseActionResult> InfusionStartedAsync(string sessionId, string nurseId, DateTimeOffset? effectiveAt, CancellationToken cancellationToken) =>
        SendAsync(sessionId, nurseId, now => new StartInfusion(now, nurseId, effectiveAt), cancellationToken);

    public Task<NurseActionResult> InfusionEndedAsync(string sessionId, string nurseId, DateTimeOffset? effectiveAt, CancellationToken cancellationToken) =>
        SendAsync(sessionId, nurseId, now => new EndInfusion(now, nurseId, effectiveAt), cancellationToken);

    public Task<NurseActionResult> CapRemovedAsync(string sessionId, string nurseId, DateTimeOffset? effectiveAt, CancellationToken cancellationToken) =>
        SendAsync(sessionId, nurseId, now => new RemoveCap(now, nurseId, effectiveAt), cancellationToken);

    public Task<NurseActionResult> AbortAsync(string sessionId, string nurseId, AbortReason reason, DateTimeOffset? effectiveAt, CancellationToken cancellationToken) =>
        SendAsync(sessionId, nurseId, now => new AbortSession(now, nurseId, reason, effectiveAt), cancellationToken);

    public Task<NurseActionResult> VoidAsync(string sessionId, string nurseId, VoidReason reason, CancellationToken cancellationToken) =>
        SendAsync(sessionId, nurseId, now => new VoidSession(now, nurseId, reason), cancellationToken);

    public Task<NurseActionResult> RecordToleranceAsync(string sessionId, string nurseId, int score, DateTimeOffset? effectiveAt, CancellationToken cancellationToken) =>
        SendAsync(sessionId, nurseId, now => new RecordTolerance(now, nurseId, score, effectiveAt), cancellationToken);

    public Task<NurseActionResult> RecordAdverseEventAsync(
        string sessionId, string nurseId, AdverseEventKind adverseEvent, DateTimeOffset? effectiveAt, CancellationToken cancellationToken) =>
        SendAsync(sessionId, nurseId, now => new RecordAdverseEvent(now, nurseId, adverseEvent, effectiveAt), cancellationToken);

    public Task<NurseActionResult> GiveBillingDetailsAsync(string sessionId, string staffId, BillingDetailsEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var (visit, details, errors) = BillingDetailsValidation.Check(entry);
        return details is null
            ? Task.FromResult(NurseActionResult.Invalid(errors[0]))
            : SendAsync(sessionId, staffId, now => new GiveBillingDetails(now, staffId, visit, details), cancellationToken);
    }

    public Task<NurseActionResult> MoveToCourseAsync(string sessionId, string staffId, string courseId, CancellationToken cancellationToken)
    {
        var course = courseId?.Trim();
        return string.IsNullOrEmpty(course) || course.Length > StartSessionValidation.MaxTextLength
            ? Task.FromResult(NurseActionResult.Invalid(new FieldError("courseId", "Give the course to move the session to (up to 200 characters).")))
            : SendAsync(sessionId, staffId, now => new MoveToCourse(now, staffId, course), cancellationToken);
    }

    private Task<NurseActionResult> SendAsync(string sessionId, string nurseId, Func<DateTimeOffset, NurseAction> build, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(sessionId) || string.IsNullOrWhiteSpace(nurseId))
        {
            return Task.FromResult(NurseActionResult.Invalid("A session id and a nurse id are required."));
        }

        return queue.SendAsync(new NurseCommand(sessionId, null, build), cancellationToken);
    }
}
