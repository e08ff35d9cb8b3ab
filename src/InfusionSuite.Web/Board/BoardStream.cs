using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using InfusionSuite.Application.Board;
using InfusionSuite.Application.Hosting;
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
        IOptions<NurseStationOptions> options,
        SignInCheck signIn,
        DatabaseOutage outage)
    {
        context.Response.Headers["X-Accel-Buffering"] = "no";
        return TypedResults.ServerSentEvents(Boards(context, signIn, reader, notifications, outage, options.Value.BoardRefresh, lifetime.ApplicationStopping, context.RequestAborted));
    }

    /// <summary>How often (real time) an open stream checks that its sign-in still holds.</summary>
    private static readonly TimeSpan SignInCheckEvery = TimeSpan.FromSeconds(2);

    private static async IAsyncEnumerable<SseItem<BoardView>> Boards(
        HttpContext context,
        SignInCheck signIn,
        BoardReader reader,
        IBoardNotifications notifications,
        DatabaseOutage outage,
        TimeSpan refresh,
        CancellationToken stopping,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stopping);
        var token = stop.Token;
        using var wake = new SemaphoreSlim(0);
        var listening = ListenAsync(notifications, wake, token);
        var user = context.User;
        var checkedAt = TimeProvider.System.GetTimestamp();
        try
        {
            while (await ReadAsync(reader, user, outage, token) is { } view)
            {
                if (TimeProvider.System.GetElapsedTime(checkedAt) >= SignInCheckEvery)
                {
                    if (!await StillSignedInAsync(signIn, context, outage, token))
                    {
                        yield break; // signed out, disabled or revoked: no more patient data on this stream
                    }

                    checkedAt = TimeProvider.System.GetTimestamp();
                }

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

    /// <summary>False once signed out, the screen went away, the host is stopping, or the sign-in cannot be checked (the database away).</summary>
    private static async Task<bool> StillSignedInAsync(SignInCheck signIn, HttpContext context, DatabaseOutage outage, CancellationToken cancellationToken)
    {
        try
        {
            return await signIn.StillValidAsync(context, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (Exception e) when (outage.Report("the board stream", e))
        {
            return false;
        }
    }

    /// <summary>
    /// Null once the screen went away or the host is stopping, or when the database is away: the stream ends (the outage's one
    /// line says so, never a stack trace per screen: the response has started, so no error answer can be given), and the
    /// page asks again; while the database is still away it is answered 503 and asks again later (issue 18 trial).
    /// </summary>
    private static async Task<BoardView?> ReadAsync(BoardReader reader, ClaimsPrincipal user, DatabaseOutage outage, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadAsync(user.SeesPatients(), user.RunsSessions(), cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        catch (Exception e) when (outage.Report("the board stream", e))
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
