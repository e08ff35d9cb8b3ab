using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using InfusionSuite.Application.Board;
using InfusionSuite.Web.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Web.Board;

/// <summary>
/// The live board as server-sent events (<see cref="TypedResults.ServerSentEvents{T}(IAsyncEnumerable{SseItem{T}})"/>):
/// one <c>board</c> event at once, again on every status change or prompt the worker raises, and at least every
/// <see cref="NurseStationOptions.BoardRefresh"/> so the countdowns and temperatures move. The refresh cadence is
/// real time (a screen's), whatever the clinical clock.
/// </summary>
internal static class BoardStream
{
    public const string EventType = "board";

    public static ServerSentEventsResult<BoardView> Stream(
        HttpContext context,
        BoardReader reader,
        IBoardNotifications notifications,
        IHostApplicationLifetime lifetime,
        IOptions<NurseStationOptions> options)
    {
        context.Response.Headers["X-Accel-Buffering"] = "no";
        return TypedResults.ServerSentEvents(Boards(context.User, reader, notifications, options.Value.BoardRefresh, lifetime.ApplicationStopping, context.RequestAborted));
    }

    private static async IAsyncEnumerable<SseItem<BoardView>> Boards(
        ClaimsPrincipal user,
        BoardReader reader,
        IBoardNotifications notifications,
        TimeSpan refresh,
        CancellationToken stopping,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stopping);
        var token = stop.Token;
        using var wake = new SemaphoreSlim(0);
        var listening = ListenAsync(notifications, wake, token);
        try
        {
            while (await ReadAsync(reader, user, token) is { } view)
            {
                yield return new SseItem<BoardView>(view, EventType);
                if (!await WaitAsync(wake, refresh, token))
                {
                    yield break;
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            await listening;
        }
    }

    /// <summary>Null once the screen went away or the host is stopping.</summary>
    private static async Task<BoardView?> ReadAsync(BoardReader reader, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadAsync(user.SeesPatients(), user.RunsSessions(), cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>False once the screen went away or the host is stopping.</summary>
    private static async Task<bool> WaitAsync(SemaphoreSlim wake, TimeSpan refresh, CancellationToken cancellationToken)
    {
        try
        {
            await wake.WaitAsync(refresh, cancellationToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
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
