namespace InfusionSuite.Web.Reports;

/// <summary>A regimen's courses in the report: the success rate with the counts behind it, and adherence.</summary>
public sealed record RegimenOutcomeView(
    string Regimen, int Courses, int WithResult, int Successes, int FollowUpDue, double? SuccessPercent,
    int SessionsCooled, int ChemotherapySessionsGiven, double? AdherencePercent);
