using System.Security.Claims;
using InfusionSuite.Application.Outbox;
using InfusionSuite.Web.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace InfusionSuite.Web.Api;

/// <summary>
/// What waits for delivery to the EHR (FHIR Bundles, HL7 v2 messages) and the staff actions on a parked
/// item: retry it, or record that it was handled outside InfusionSuite. Nurses and admins; each action
/// is audited with the user. Payloads (patient data) are not listed here.
/// </summary>
internal static class OutboxEndpoints
{
    public static RouteGroupBuilder MapOutbox(this RouteGroupBuilder api)
    {
        var outbox = api.MapGroup("/outbox").RequireAuthorization(StaffRoles.PatientDataPolicy).WithTags("Delivery");
        outbox.MapGet("/", ListAsync).WithSummary("Outbox items, newest first (status=Parked for what waits for staff)");
        outbox.MapPost("/{id:guid}/retry", RetryAsync).WithSummary("Send a parked item again (refused when a newer item of its session went first)");
        outbox.MapPost("/{id:guid}/handled-outside", HandledOutsideAsync).WithSummary("Record that a parked item was dealt with outside InfusionSuite, saying what was done (note, required)");
        return api;
    }

    private static async Task<IResult> ListAsync(string? status, string? sessionId, IOutbox outbox, CancellationToken cancellationToken)
    {
        OutboxStatus? wanted = null;
        if (status is not null)
        {
            if (!Enum.TryParse<OutboxStatus>(status, ignoreCase: true, out var parsed))
            {
                return ActionResults.Invalid("status", "One of " + string.Join(", ", Enum.GetNames<OutboxStatus>()) + ".");
            }

            wanted = parsed;
        }

        var items = await outbox.ListAsync(new OutboxQuery(wanted, sessionId, 200), cancellationToken);
        return TypedResults.Ok(items.Select(i => new OutboxItemView(
            i.Id, i.SessionId, i.Kind.ToString(), i.ContentType, i.Status.ToString(), i.EnqueuedAt, i.SentAt, i.ParkedReason,
            [.. i.Attempts.Select(a => new OutboxAttemptView(a.Number, a.FinishedAt, a.Outcome.ToString(), a.HttpStatus, a.ServerMessage))], i.WaitingFor)).ToList());
    }

    private static async Task<IResult> RetryAsync(Guid id, [FromBody] OutboxActionBody? body, ClaimsPrincipal user, ParkedItemActions actions, CancellationToken cancellationToken) =>
        await actions.RetryRefusedAsync(id, cancellationToken) is { } refused
            ? TypedResults.Problem(refused, statusCode: StatusCodes.Status409Conflict, title: "Overtaken by a newer item")
            : await Answer(id, actions.RetryAsync(id, user.UserId(), body?.Note, cancellationToken), "queued again");

    private static async Task<IResult> HandledOutsideAsync(Guid id, [FromBody] OutboxActionBody? body, ClaimsPrincipal user, ParkedItemActions actions, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body?.Note))
        {
            return ActionResults.Invalid("note", ParkedItemActions.NoteRequired);
        }

        if (!string.IsNullOrWhiteSpace(body.EhrId) && await actions.ReceiverIdRefusedAsync(id, body.EhrId, cancellationToken) is { } wrongId)
        {
            return ActionResults.Invalid("ehrId", wrongId);
        }

        return await Answer(
            id,
            actions.MarkHandledOutsideAsync(id, user.UserId(), body.Note, body.EhrId, cancellationToken),
            string.IsNullOrWhiteSpace(body.EhrId) ? "handled outside InfusionSuite" : "handled outside InfusionSuite; the rest goes on with the EHR's id " + body.EhrId.Trim());
    }

    private static async Task<IResult> Answer(Guid id, Task<bool> action, string done) =>
        await action
            ? TypedResults.Ok(new OutboxActionResponse(id, done))
            : TypedResults.Problem("The item does not exist or is not parked (a parked item that could not be made cannot be retried).", statusCode: StatusCodes.Status409Conflict, title: "Not a parked item");
}
