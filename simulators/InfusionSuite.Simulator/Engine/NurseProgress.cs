namespace InfusionSuite.Simulator.Engine;

/// <summary>
/// What a person has documented for a chair, as a controller that follows the nurse sees it (the demo's free
/// chairs): the chair's latest session, when its infusion ended (null until then), and whether it has ended
/// (cap removed, aborted or voided).
/// </summary>
/// <param name="SessionId">The session on the chair; a different id than the one the controller follows means that one ended.</param>
public sealed record NurseProgress(string SessionId, DateTimeOffset? InfusionEndedAt, bool Ended);
