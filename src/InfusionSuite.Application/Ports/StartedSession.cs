using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Application.Ports;

/// <summary>A session row to create (with its course when new), and the policy its log replays with.</summary>
/// <param name="Regimen">The regimen preset's name, or <c>custom</c>.</param>
public sealed record StartedSession(SessionPlan Plan, string Regimen, DateTimeOffset StartedAt, SessionPolicy Policy);
