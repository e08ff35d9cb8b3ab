using InfusionSuite.Application.Board;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Simulator.Engine;

namespace InfusionSuite.Demo;

/// <summary>
/// What a person has documented on a free chair, read from the board for its simulated controller to follow
/// (<see cref="ControllerTimeline.Following"/>): the chair's session, its infusion end, and whether it ended.
/// The board is read at most every <see cref="ReadEvery"/> of real time, however fast the controller asks.
/// </summary>
internal sealed class FreeChairNurse(IChairBoard board, string controllerId)
{
    /// <summary>Real time between two reads of the board (a step shows on the controller within about this long).</summary>
    public static readonly TimeSpan ReadEvery = TimeSpan.FromMilliseconds(200);

    private long? _readAt;
    private NurseProgress? _last;

    public NurseProgress? Progress()
    {
        if (_readAt is not { } readAt || TimeProvider.System.GetElapsedTime(readAt) >= ReadEvery)
        {
            _readAt = TimeProvider.System.GetTimestamp();
            _last = board.Current().FirstOrDefault(r => r.ControllerId == controllerId) is { SessionId: { } id, Record: { } record }
                ? new NurseProgress(id, record.Boundaries.InfusionEndedAt, record.Status >= SessionStatus.Completed)
                : null;
        }

        return _last;
    }
}
