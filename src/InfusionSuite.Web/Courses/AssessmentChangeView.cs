namespace InfusionSuite.Web.Courses;

/// <summary>A correction (<c>Corrected</c>) or withdrawal (<c>EnteredInError</c>) of an assessment: why, by whom (display name), when.</summary>
public sealed record AssessmentChangeView(string Kind, string Reason, string By, DateTimeOffset At);
