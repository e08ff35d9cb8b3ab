namespace InfusionSuite.Application.Board;

/// <summary>Queries for the live board and a session's detail. Shows only what is stored.</summary>
public interface IChairBoard
{
    /// <summary>Every known chair, ordered by controller id, as of now.</summary>
    IReadOnlyList<ChairBoardRow> Current();

    /// <summary>One session (open or finished); null when unknown.</summary>
    Task<SessionDetail?> SessionAsync(string sessionId, CancellationToken cancellationToken);
}
