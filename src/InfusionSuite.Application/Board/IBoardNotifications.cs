namespace InfusionSuite.Application.Board;

/// <summary>
/// The in-process stream the chair board listens to. Each subscriber has its own bounded buffer;
/// a subscriber that falls far behind loses the oldest notifications (the board can always re-read
/// <see cref="IChairBoard"/>), so a slow screen never slows ingest.
/// </summary>
public interface IBoardNotifications
{
    IAsyncEnumerable<BoardNotification> SubscribeAsync(CancellationToken cancellationToken);
}
