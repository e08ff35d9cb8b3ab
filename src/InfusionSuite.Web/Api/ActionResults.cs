using InfusionSuite.Application.Nursing;
using InfusionSuite.Domain.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InfusionSuite.Web.Api;

/// <summary>
/// Nurse action results as HTTP: accepted or duplicate → 200 (201 for a start); a refusal → 409 with the
/// reason, or 400 naming the field when the value itself is out of range; unknown session → 404;
/// another session on the chair → 409; something to confirm → 409 with <c>reason</c> NeedsConfirmation and
/// <c>field</c> naming the confirmation to send (identityConfirmed: the patient's identity; confirmUnheardController:
/// a chair whose controller has never been heard from); an incomplete request → 400 (naming the field when it is about one).
/// </summary>
internal static class ActionResults
{
    public static IResult From(NurseActionResult result, bool created = false)
    {
        switch (result.Outcome)
        {
            case NurseActionOutcome.Accepted or NurseActionOutcome.Duplicate:
                var response = new ActionResponse(result.SessionId!, result.Record?.Status.ToString() ?? string.Empty, result.Outcome.ToString(), result.Message);
                return created && result.Outcome == NurseActionOutcome.Accepted
                    ? TypedResults.Created("/api/sessions/" + Uri.EscapeDataString(result.SessionId!), response)
                    : TypedResults.Ok(response);
            case NurseActionOutcome.SessionNotFound:
                return Problem(StatusCodes.Status404NotFound, "No such session", result.Message, null);
            case NurseActionOutcome.ControllerInUse:
                return Problem(StatusCodes.Status409Conflict, "The chair is in use", result.Message, "ControllerInUse");
            case NurseActionOutcome.NeedsConfirmation:
                return TypedResults.Problem(result.Message, statusCode: StatusCodes.Status409Conflict, title: ConfirmationTitle(result.Field),
                    extensions: new Dictionary<string, object?> { ["reason"] = "NeedsConfirmation", ["field"] = result.Field });
            case NurseActionOutcome.InvalidRequest when result.Field is { } invalid:
                return Invalid(invalid, result.Message);
            case NurseActionOutcome.InvalidRequest:
                return Problem(StatusCodes.Status400BadRequest, "The request is incomplete", result.Message, null);
            default:
                return Field(result.Reason) is { } field
                    ? Invalid(field, result.Message)
                    : Problem(StatusCodes.Status409Conflict, "The action is not possible now", result.Message, result.Reason.ToString());
        }
    }

    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The request has invalid values");

    public static ValidationProblem Invalid(IReadOnlyList<FieldError> errors, IDictionary<string, object?>? extensions = null) =>
        TypedResults.ValidationProblem(
            errors.GroupBy(e => e.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal),
            title: "The request has invalid values",
            extensions: extensions);

    private static ProblemHttpResult Problem(int status, string title, string detail, string? reason) =>
        TypedResults.Problem(detail, statusCode: status, title: title, extensions: reason is null ? null : new Dictionary<string, object?> { ["reason"] = reason });

    private static string ConfirmationTitle(string? field) => field == StartConfirmations.UnheardController
        ? "Confirm the chair: its controller has never been heard from"
        : "Confirm the patient's identity";

    /// <summary>Refusals about a value the caller gave (400 naming it), rather than about the session's state (409).</summary>
    private static string? Field(RefusalReason reason) => reason switch
    {
        RefusalReason.TargetOutOfRange => "targets",
        RefusalReason.ToleranceOutOfRange => "score",
        RefusalReason.EffectiveTimeInFuture => "effectiveAt",
        _ => null,
    };
}
