using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Application.Ports;

/// <summary>A stored session, as listed (status as of its latest stored input).</summary>
/// <param name="PatientReference">PHI: show to clinical staff only, never log.</param>
public sealed record SessionListing(
    string SessionId,
    string ControllerId,
    string CourseId,
    string PatientReference,
    SessionStatus Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt);
