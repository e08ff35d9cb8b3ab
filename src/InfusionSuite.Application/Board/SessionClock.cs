using InfusionSuite.Domain.Sessions;
using Microsoft.Extensions.Hosting;

namespace InfusionSuite.Application.Board;

/// <summary>
/// Raises the time-driven prompts (pre-cooling target reached, post-cooling complete) on the
/// <see cref="TimeProvider"/>, without waiting for telemetry: it sleeps until the earliest
/// <see cref="SessionPrompts.NextDue"/> of the open sessions, or until a session changes.
/// Each prompt is raised once per session and phase start.
/// </summary>
internal sealed class SessionClock(SessionBoard board, BoardNotifications notifications, TimeProvider timeProvider) : BackgroundService
{
    /// <summary>Look again at least this often (simulated time), in case a phase start moved without a status change.</summary>
    private static readonly TimeSpan LongestSleep = TimeSpan.FromMinutes(1);

    private readonly HashSet<(string SessionId, SessionPrompt Prompt, DateTimeOffset Due)> _raised = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var changed = board.Changed;
                var now = timeProvider.GetUtcNow();
                var next = RaiseDue(now);
                var sleep = next is { } due && due - now < LongestSleep ? due - now : LongestSleep;
                using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                var delay = Task.Delay(sleep < TimeSpan.Zero ? TimeSpan.Zero : sleep, timeProvider, wake.Token);
                await Task.WhenAny(delay, changed);
                await wake.CancelAsync();
                stoppingToken.ThrowIfCancellationRequested();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    /// <summary>Raises every prompt due by <paramref name="now"/>; returns the next instant one falls due.</summary>
    internal DateTimeOffset? RaiseDue(DateTimeOffset now)
    {
        DateTimeOffset? next = null;
        foreach (var record in board.Records)
        {
            if (Prompt(record) is not ({ } prompt, { } due))
            {
                continue;
            }

            if (due <= now)
            {
                if (_raised.Add((record.Plan.SessionId, prompt, due)))
                {
                    var ready = prompt == SessionPrompt.PreCoolingTargetReached && record.Controller.CoolantAtSetpoint == true && record.Controller.Online;
                    notifications.Publish(new PromptDue(record.Plan.SessionId, record.Plan.ControllerId, due, prompt, ready));
                }
            }
            else if (SessionPrompts.NextDue(record, now) is { } upcoming && (next is null || upcoming < next))
            {
                next = upcoming;
            }
        }

        return next;
    }

    private static (SessionPrompt?, DateTimeOffset?) Prompt(ScalpCoolingSessionRecord record)
    {
        var phase = record.Status switch
        {
            SessionStatus.PreCooling => record.Phase(SessionPhase.PreCooling),
            SessionStatus.PostCooling => record.Phase(SessionPhase.PostCooling),
            _ => null,
        };
        if (phase is not { Target: not null, End: null })
        {
            return (null, null);
        }

        var prompt = record.Status == SessionStatus.PreCooling ? SessionPrompt.PreCoolingTargetReached : SessionPrompt.PostCoolingCompleteRemoveCap;
        return SessionPrompts.DueAt(record) is { } due ? (prompt, due) : (null, null);
    }
}
