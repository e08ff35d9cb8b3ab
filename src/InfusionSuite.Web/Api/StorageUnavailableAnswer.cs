using InfusionSuite.Application.Hosting;
using InfusionSuite.Application.Ports;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace InfusionSuite.Web.Api;

/// <summary>
/// A request the storage could not serve just now (the database unreachable, no owner of the chair's site answering, this
/// node stopping): 503 with <c>Retry-After</c> and a problem saying what happened to the action, never an empty 500. The
/// database away (any read or write meeting an outage, <see cref="DatabaseOutage"/>) is such a request too: it is reported
/// there (one line down, one back, no stack trace per request; issue 18's trial saw 500s and a trace for each).
/// </summary>
internal sealed class StorageUnavailableAnswer(IProblemDetailsService problems, DatabaseOutage outage) : IExceptionHandler
{
    /// <summary>What a request that met the database away is told (the action was not recorded).</summary>
    public const string DatabaseAway = "The database is not reachable just now: nothing was recorded. Try again in a few seconds.";

    /// <summary>Seconds a client waits before it tries again (a lease's takeover or a database restart).</summary>
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        string detail;
        if (exception is StorageUnavailableException unavailable)
        {
            detail = unavailable.Message;
        }
        else if (outage.Report("a nurse-station request", exception))
        {
            detail = DatabaseAway;
        }
        else
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The records are not reachable just now",
                Detail = detail,
            },
        }))
        {
            return true;
        }

        // A client that takes no problem JSON (a browser's EventSource asks for text/event-stream) is still answered, in
        // words: the request is handled either way, so it is not logged as unhandled with its stack trace (issue 18 re-trial:
        // each board stream opened during a database outage logged one).
        httpContext.Response.ContentType = "text/plain; charset=utf-8";
        await httpContext.Response.WriteAsync(detail, cancellationToken);
        return true;
    }
}
