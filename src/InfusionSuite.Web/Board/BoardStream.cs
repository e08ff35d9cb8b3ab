using System.Text.Json;
using InfusionSuite.Application.Board;
using InfusionSuite.Web.Accounts;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Web.Board;

/// <summary>
/// The live board as server-sent events: one <c>board</c> event at once, again on every status change
/// or prompt the worker raises, and at least every <see cref="NurseStationOptions.BoardRefresh"/> so the
/// countdowns and temperatures move. The refresh cadence is real time (a screen's), whatever the clinical clock.
/// </summary>
internal static class BoardStream
{
    public static async Task StreamAsync(
        HttpContext context,
        BoardReader reader,
        IBoardNotifications notifications,
        IHostApplicationLifetime lifetime,
        IOptions<NurseStationOptions> options,
        IOptions<JsonOptions> json)
    {
        var response = context.Response;
        response.Headers.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-store";
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var token = stop.Token;
        using var wake = new SemaphoreSlim(0);
        var listening = ListenAsync(notifications, wake, token);
        var user = context.User;
        try
        {
            while (!token.IsCancellationRequested)
            {
                var view = await reader.ReadAsync(user.SeesPatients(), user.RunsSessions(), token);
                var data = JsonSerializer.Serialize(view, json.Value.SerializerOptions);
                await response.WriteAsync("event: board\ndata: " + data + "\n\n", token);
                await response.Body.FlushAsync(token);
                await wake.WaitAsync(options.Value.BoardRefresh, token);
            }
        }
        catch (OperationCanceledException)
        {
            // the screen went away, or the host is stopping
        }
        finally
        {
            await stop.CancelAsync();
            await listening;
        }
    }

    private static async Task ListenAsync(IBoardNotifications notifications, SemaphoreSlim wake, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var _ in notifications.SubscribeAsync(cancellationToken))
            {
                if (wake.CurrentCount == 0)
                {
                    wake.Release();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // stream closed
        }
    }
}
