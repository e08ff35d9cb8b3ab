namespace InfusionSuite.Application.Board;

/// <summary>
/// Sessions another worker changed, on a database several workers share: read back from the store and shown on
/// this node's board (a status change is announced as this node's writer would), so every node's board is live.
/// </summary>
public interface IBoardRefresh
{
    /// <summary>Sessions that ended at or after this instant are shown on their chairs (with every open session): the writer's rule at its start.</summary>
    DateTimeOffset ShownEndedSince { get; }

    Task RefreshAsync(IReadOnlyCollection<string> sessionIds, CancellationToken cancellationToken);

    /// <summary>
    /// Controllers another worker ingests, as it stored them (their latest sample and setpoint): shown on this node's board
    /// by the same rule as its own writer's, so a chair's readings and setpoint are the same on every node.
    /// </summary>
    void ShowReadings(IReadOnlyList<ControllerReading> stored);

    /// <summary>Every site's open sessions were read and shown (a standby's board, whose writer waits): the board is loaded.</summary>
    void EverySiteLoaded();
}
