namespace InfusionSuite.Application.Courses;

/// <summary>What a nurse enters for "chemotherapy given, not cooled" (as the API spells the fields).</summary>
/// <param name="Reason"><c>PatientDeclined</c>, <c>NoChairOrDevice</c> or <c>Other</c> (case-insensitive).</param>
/// <param name="ReasonText">Required for <c>Other</c>.</param>
/// <param name="GivenAt">When the chemotherapy was given; now when null; never in the future.</param>
/// <param name="EntryId">Optional id for retries (stored once).</param>
public sealed record NotCooledEntry(string CourseId, string? Reason, string? ReasonText, DateTimeOffset? GivenAt, string? EntryId);
