using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Application.Board;

/// <summary>One chair on the board: its controller, and its current session (open or just ended) if any.</summary>
/// <param name="ControllerOnline">What the links know now (CCP/1 liveness).</param>
/// <param name="Reading">The controller's latest stored sample, with or without a session; null when none came since this node started.</param>
/// <param name="Use">How every session since the start used the chair (the record is only the latest); null for none.</param>
/// <param name="ControllerInHandover">Who hears the controller is changing hands (<see cref="Controllers.IControllerPresence.InHandover"/>): not online, not known offline.</param>
public sealed record ChairBoardRow(
    string ControllerId,
    bool ControllerOnline,
    string? SessionId,
    SessionLiveView? Live,
    ScalpCoolingSessionRecord? Record,
    ControllerReading? Reading = null,
    ChairSessionUse? Use = null,
    bool ControllerInHandover = false);
