namespace InfusionSuite.Web.Courses;

/// <summary>The answer to a course entry: its id and <c>Stored</c> or <c>Duplicate</c>.</summary>
public sealed record CourseEntryResponse(string CourseId, string Id, string Outcome);
