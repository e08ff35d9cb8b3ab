namespace InfusionSuite.Application.Board;

/// <summary>Queries for the live board and a session's detail. Shows only what is stored.</summary>
public interface IChairBoard
{
    /// <summary>
    /// False after a start until the open sessions are rebuilt from the store: until then <see cref="Current"/> may
    /// show a chair free that has a session, and a screen must say it is loading instead.
    /// </summary>
    bool Loaded { get; }

    /// <summary>Every known chair, ordered by controller id, as of now.</summary>
    IReadOnlyList<ChairBoardRow> Current();

    /// <summary>One session (open or finished); null when unknown.</summary>
    Task<SessionDetail?> SessionAsync(string sessionId, CancellationToken cancellationToken);
}
