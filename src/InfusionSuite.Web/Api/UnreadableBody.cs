using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InfusionSuite.Web.Api;

/// <summary>
/// A request body the framework cannot read (a tolerance of 3.5, a date that is not one) answers as a
/// <see cref="ValidationProblem"/> naming the field the JSON path points at, like every other field error,
/// instead of a bare "Bad Request". The framework throws these (<see cref="RouteHandlerOptions.ThrowOnBadRequest"/>);
/// they are caught here, never logged as failures.
/// </summary>
internal static class UnreadableBody
{
    public static async Task Answer(HttpContext context, Func<Task> next)
    {
        try
        {
            await next();
        }
        catch (BadHttpRequestException problem) when (!context.Response.HasStarted)
        {
            var field = problem.InnerException is JsonException { Path: { Length: > 2 } path } ? Field(path) : null;
            IResult answer = field is null
                ? TypedResults.Problem("The request could not be read: " + problem.Message, statusCode: problem.StatusCode, title: "The request could not be read")
                : ActionResults.Invalid(field, Message(field));
            await answer.ExecuteAsync(context);
        }
    }

    /// <summary><c>$.score</c> → <c>score</c>; <c>$.targets.pre</c> → <c>targets</c>.</summary>
    private static string Field(string path)
    {
        var name = path.TrimStart('$', '.');
        var end = name.IndexOfAny(['.', '[']);
        return end < 0 ? name : name[..end];
    }

    private static string Message(string field) => field switch
    {
        "score" => "Enter the tolerance as a whole number from 0 (no discomfort) to 10 (worst discomfort).",
        "preCoolingMinutes" or "postCoolingMinutes" => "Enter the target in whole minutes.",
        "effectiveAt" => "Enter when it happened as a date and time (ISO 8601), or leave it out for now.",
        _ => "This value cannot be read: check its type (number, text, true/false, date and time).",
    };
}
