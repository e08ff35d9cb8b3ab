namespace InfusionSuite.Web.Courses;

/// <summary>One course entry in the audit: what was documented for which course, by whom, when it happened and when it was entered.</summary>
public sealed record CourseAuditView(string CourseId, string Entry, string By, DateTimeOffset EnteredAt, DateTimeOffset EffectiveAt, string What);
