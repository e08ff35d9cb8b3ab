using System.Security.Claims;
using InfusionSuite.Application.Billing;
using InfusionSuite.Application.Ehr;
using InfusionSuite.Application.Nursing;
using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Billing;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Web.Accounts;
using InfusionSuite.Web.Board;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Web.Api;

/// <summary>
/// The nurse actions over REST (nurses only). Each is validated, applied by the worker and stored with
/// its audit row in one transaction before the answer; a refusal stores nothing. The nurse id is the
/// signed-in user's stable id.
/// </summary>
internal static class SessionActionEndpoints
{
    public static RouteGroupBuilder MapSessionActions(this RouteGroupBuilder api)
    {
        var sessions = api.MapGroup("/sessions").RequireAuthorization(StaffRoles.RunSessionsPolicy).WithTags("Session actions");
        sessions.MapPost("/", StartAsync).WithName("StartSession").WithSummary("Start a session on a chair");
        sessions.MapPost("/{id}/" + NurseActionNames.CapPlaced, (string id, [FromBody] StepBody? body, ClaimsPrincipal user, INurseActions nurse, CancellationToken ct) =>
            Step(nurse.CapPlacedAsync(id, user.UserId(), body?.EffectiveAt, ct))).WithSummary("The cap is on and cooling (for controllers that cannot say)");
        sessions.MapPost("/{id}/" + NurseActionNames.InfusionStarted, (string id, [FromBody] StepBody? body, ClaimsPrincipal user, INurseActions nurse, CancellationToken ct) =>
            Step(nurse.InfusionStartedAsync(id, user.UserId(), body?.EffectiveAt, ct))).WithSummary("The alopecia-causing drug started");
        sessions.MapPost("/{id}/" + NurseActionNames.InfusionEnded, (string id, [FromBody] StepBody? body, ClaimsPrincipal user, INurseActions nurse, CancellationToken ct) =>
            Step(nurse.InfusionEndedAsync(id, user.UserId(), body?.EffectiveAt, ct))).WithSummary("The infusion ended");
        sessions.MapPost("/{id}/" + NurseActionNames.CapRemoved, (string id, [FromBody] StepBody? body, ClaimsPrincipal user, INurseActions nurse, CancellationToken ct) =>
            Step(nurse.CapRemovedAsync(id, user.UserId(), body?.EffectiveAt, ct))).WithSummary("The cap was removed: the session ends");
        sessions.MapPost("/{id}/" + NurseActionNames.Abort, AbortAsync).WithSummary("Stop the session early, with a reason");
        sessions.MapPost("/{id}/" + NurseActionNames.Void, VoidAsync).WithSummary("Void the record (kept, never billed), with a reason");
        sessions.MapPost("/{id}/" + NurseActionNames.Tolerance, ToleranceAsync).WithSummary("Document tolerance 0–10");
        sessions.MapPost("/{id}/" + NurseActionNames.AdverseEvents, AdverseEventAsync).WithSummary("Document an adverse event");
        sessions.MapPost("/{id}/" + NurseActionNames.BillingDetails, BillingDetailsAsync)
            .WithSummary("Give the visit, ordering provider NPI, diagnoses (ICD-10-CM) or payer, also after the end: billing is decided again and corrections are sent");
        sessions.MapPost("/{id}/" + NurseActionNames.CourseMove, (string id, [FromBody] CourseMoveBody body, ClaimsPrincipal user, INurseActions nurse, CancellationToken ct) =>
            Step(nurse.MoveToCourseAsync(id, user.UserId(), body.CourseId ?? string.Empty, ct)))
            .WithSummary("Move the session to another course of its patient, or a new one: billing is decided again over both courses and corrections are sent");
        return api;
    }

    private static async Task<IResult> StartAsync(
        [FromBody] StartSessionBody body, ClaimsPrincipal user, INurseActions nurse, IServiceProvider services,
        IOptions<Application.Configuration.SessionOptions> sessionOptions, BillingPolicy billing, CancellationToken cancellationToken)
    {
        // The visit is its visit number: an EHR id typed there is read at the EHR for it, or refused.
        var lookup = services.GetService<IEhrPatientLookup>();
        var (visit, visitProblem) = await VisitIdentity.ResolveAsync(body.Encounter, "encounter", lookup, cancellationToken);
        if (visitProblem is not null)
        {
            return ActionResults.Invalid(visitProblem.Field, visitProblem.Message);
        }

        var check = StartSessionValidation.Check(body.ToInput() with { Encounter = visit }, user.UserId(), sessionOptions.Value.ToPolicy(), billing);
        if (check is not { Request: { } checkedRequest })
        {
            return ActionResults.Invalid(check.Errors);
        }

        // One patient identity however the start was made: an EHR id is read at the EHR for the MRN, the key.
        var (request, problem) = await PatientIdentity.ResolveAsync(checkedRequest, lookup, cancellationToken);
        if (request is null)
        {
            return ActionResults.Invalid(problem!.Field, problem.Message);
        }

        // The patient's name goes with the start, in its transaction.
        return ActionResults.From(await nurse.StartSessionAsync(request, cancellationToken), created: true);
    }

    private static async Task<IResult> Step(Task<NurseActionResult> action) => ActionResults.From(await action);

    private static async Task<IResult> AbortAsync(string id, [FromBody] AbortBody body, ClaimsPrincipal user, INurseActions nurse, CancellationToken cancellationToken) =>
        TryParse<AbortReason>(body.Reason) is { } reason
            ? ActionResults.From(await nurse.AbortAsync(id, user.UserId(), reason, body.Details, body.EffectiveAt, cancellationToken))
            : ActionResults.Invalid("reason", "Choose why the session stops: " + string.Join(", ", Enum.GetNames<AbortReason>()) + ".");

    private static async Task<IResult> VoidAsync(string id, [FromBody] VoidBody body, ClaimsPrincipal user, INurseActions nurse, CancellationToken cancellationToken) =>
        TryParse<VoidReason>(body.Reason) is { } reason
            ? ActionResults.From(await nurse.VoidAsync(id, user.UserId(), reason, body.Details, cancellationToken))
            : ActionResults.Invalid("reason", "Choose why the record is voided: " + string.Join(", ", Enum.GetNames<VoidReason>()) + ".");

    private static async Task<IResult> ToleranceAsync(string id, [FromBody] ToleranceBody body, ClaimsPrincipal user, INurseActions nurse, CancellationToken cancellationToken) =>
        body.Score is { } score
            ? ActionResults.From(await nurse.RecordToleranceAsync(id, user.UserId(), score, body.EffectiveAt, cancellationToken))
            : ActionResults.Invalid("score", "Enter the tolerance, 0–10.");

    private static async Task<IResult> AdverseEventAsync(string id, [FromBody] AdverseEventBody body, ClaimsPrincipal user, INurseActions nurse, CancellationToken cancellationToken) =>
        TryParse<AdverseEventKind>(body.Event) is { } kind
            ? ActionResults.From(await nurse.RecordAdverseEventAsync(id, user.UserId(), kind, body.Details, body.EffectiveAt, cancellationToken))
            : ActionResults.Invalid("event", "Choose the adverse event: " + string.Join(", ", Enum.GetNames<AdverseEventKind>()) + ".");

    private static async Task<IResult> BillingDetailsAsync(
        string id, [FromBody] BillingDetailsBody body, ClaimsPrincipal user, INurseActions nurse, IServiceProvider services, CancellationToken cancellationToken)
    {
        var (visit, problem) = await VisitIdentity.ResolveAsync(body.Visit, "visit", services.GetService<IEhrPatientLookup>(), cancellationToken);
        return problem is not null
            ? ActionResults.Invalid(problem.Field, problem.Message)
            : ActionResults.From(await nurse.GiveBillingDetailsAsync(
                id, user.UserId(), new BillingDetailsEntry(visit, body.OrderingProviderNpi, body.Diagnoses, body.Payer), cancellationToken));
    }

    private static T? TryParse<T>(string? text)
        where T : struct, Enum =>
        !string.IsNullOrWhiteSpace(text) && !char.IsAsciiDigit(text.Trim()[0]) && Enum.TryParse<T>(text.Trim(), ignoreCase: true, out var value) && Enum.IsDefined(value)
            ? value
            : null;
}
