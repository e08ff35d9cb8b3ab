using InfusionSuite.Application.Ingest;
using InfusionSuite.Application.Ports;

namespace InfusionSuite.Application.Board;

/// <summary>
/// Rebuilds each changed session from its stored log and publishes it on the board when it is its chair's current
/// one (not older than the session shown), with a <see cref="SessionStatusChanged"/> when its status moved.
/// </summary>
internal sealed class BoardRefresh(
    IIngestStore store, SessionBoard board, BoardNotifications notifications, ControllerReadings readings, SessionPolicySource policies, TimeProvider time) : IBoardRefresh
{
    public void ShowReadings(IReadOnlyList<ControllerReading> stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        foreach (var reading in stored)
        {
            readings.PublishIfLater(reading);
        }
    }

    public DateTimeOffset ShownEndedSince => policies.ShownEndedSince(time.GetUtcNow());

    public void EverySiteLoaded() => board.EverySiteLoaded();

    public async Task RefreshAsync(IReadOnlyCollection<string> sessionIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sessionIds);
        foreach (var sessionId in sessionIds)
        {
            if (await store.LoadSessionAsync(sessionId, cancellationToken) is not { } stored)
            {
                continue;
            }

            var record = SessionRegistry.Rebuild(stored).Session.ToRecord();
            var shown = board.TryGet(record.Plan.ControllerId, out var current) ? current : null;
            var same = shown is not null && string.Equals(shown.Plan.SessionId, sessionId, StringComparison.Ordinal);
            if (shown is not null && !same && shown.StartedAt > record.StartedAt)
            {
                continue; // an older session of the chair
            }

            var moved = !same || shown!.Status != record.Status;
            board.Publish(record, signal: moved);
            if (moved)
            {
                notifications.Publish(new SessionStatusChanged(sessionId, record.Plan.ControllerId, time.GetUtcNow(), same ? shown!.Status : null, record.Status));
            }
        }
    }
}
