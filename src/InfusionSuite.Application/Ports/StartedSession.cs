using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Application.Ports;

/// <summary>A session row to create (with its course when new), and the policy its log replays with.</summary>
/// <param name="Regimen">The regimen preset's name, or <c>custom</c>.</param>
/// <param name="PatientName">The patient's name as entered at the start (PHI: never logged): stored with the session in the same transaction, and as the name on file for the patient; null when none was given.</param>
public sealed record StartedSession(SessionPlan Plan, string Regimen, DateTimeOffset StartedAt, SessionPolicy Policy, string? PatientName = null);
