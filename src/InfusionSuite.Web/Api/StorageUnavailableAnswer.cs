using InfusionSuite.Application.Ports;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace InfusionSuite.Web.Api;

/// <summary>
/// A request the storage could not serve just now (the database unreachable, no owner of the chair's site answering, this
/// node stopping): 503 with <c>Retry-After</c> and a problem saying what happened to the action, never an empty 500.
/// </summary>
internal sealed class StorageUnavailableAnswer(IProblemDetailsService problems) : IExceptionHandler
{
    /// <summary>Seconds a client waits before it tries again (a lease's takeover or a database restart).</summary>
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not StorageUnavailableException unavailable)
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The records are not reachable just now",
                Detail = unavailable.Message,
            },
        });
    }
}
