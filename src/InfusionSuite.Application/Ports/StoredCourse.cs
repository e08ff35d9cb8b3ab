namespace InfusionSuite.Application.Ports;

/// <summary>A course as stored, with each of its sessions ready to replay (oldest first).</summary>
public sealed record StoredCourse(string CourseId, string Regimen, bool CapMeasuredAndCalibrated, IReadOnlyList<StoredSession> Sessions);
