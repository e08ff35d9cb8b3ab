using InfusionSuite.Application.Outbox;

namespace InfusionSuite.Demo;

/// <summary>
/// The demo's local view of what would go to the EHR (there is none): <c>/demo/bundles</c> lists the
/// outbox (newest first) and <c>/demo/bundles/{sessionId}</c> is a session's latest transaction Bundle.
/// </summary>
internal sealed class DemoBundlesView : IStartupFilter
{
    public const string Path = "/demo/bundles";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Map(Path, branch => branch.Run(ServeAsync));
        next(app);
    };

    private static async Task ServeAsync(HttpContext context)
    {
        var outbox = context.RequestServices.GetRequiredService<IOutbox>();
        var sessionId = context.Request.Path.Value?.Trim('/');
        var cancellationToken = context.RequestAborted;
        if (string.IsNullOrEmpty(sessionId))
        {
            var items = await outbox.ListAsync(new OutboxQuery(), cancellationToken);
            await context.Response.WriteAsJsonAsync(
                items.Select(i => new { i.SessionId, Kind = i.Kind.ToString(), Status = i.Status.ToString(), i.EnqueuedAt, Bundle = $"{Path}/{i.SessionId}" }),
                cancellationToken);
            return;
        }

        var latest = (await outbox.ListAsync(new OutboxQuery(SessionId: sessionId, Limit: 1), cancellationToken)).FirstOrDefault();
        if (latest is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        context.Response.ContentType = "application/fhir+json";
        await context.Response.WriteAsync(latest.Payload, cancellationToken);
    }
}
