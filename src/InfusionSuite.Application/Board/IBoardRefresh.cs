namespace InfusionSuite.Application.Board;

/// <summary>
/// Sessions another worker changed, on a database several workers share: read back from the store and shown on
/// this node's board (a status change is announced as this node's writer would), so every node's board is live.
/// </summary>
public interface IBoardRefresh
{
    Task RefreshAsync(IReadOnlyCollection<string> sessionIds, CancellationToken cancellationToken);

    /// <summary>Every site's open sessions were read and shown (a standby's board, whose writer waits): the board is loaded.</summary>
    void EverySiteLoaded();
}
