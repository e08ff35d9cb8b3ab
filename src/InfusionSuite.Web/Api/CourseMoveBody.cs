namespace InfusionSuite.Web.Api;

/// <summary>The course a session moves to: one of its patient's courses, or a new course id (a split).</summary>
public sealed record CourseMoveBody(string? CourseId);
