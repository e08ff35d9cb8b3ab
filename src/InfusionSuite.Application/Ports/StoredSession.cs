using InfusionSuite.Domain.Sessions;
using InfusionSuite.Domain.Sessions.Inputs;

namespace InfusionSuite.Application.Ports;

/// <summary>
/// A session as stored: its policy and its accepted inputs in ingest order, ready to replay, and what of its record was last
/// reported (<see cref="SessionReported.Fingerprint"/>; null when nothing was, <see cref="ReportedBeforeKept"/> for a session
/// that ended before this was kept, whose record as rebuilt counts as reported).
/// </summary>
public sealed record StoredSession(string SessionId, string ControllerId, SessionPolicy Policy, IReadOnlyList<SessionInput> Log, string? Reported = null)
{
    /// <summary>The mark of sessions that ended before what was reported was stored.</summary>
    public const string ReportedBeforeKept = "before-kept";
}
