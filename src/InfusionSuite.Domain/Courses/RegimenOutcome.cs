namespace InfusionSuite.Domain.Courses;

/// <summary>The courses of one regimen preset in a report: results and adherence, with the counts behind them.</summary>
/// <param name="Courses">Courses whose last dose falls in the report's range.</param>
/// <param name="WithResult">Of those, courses with a follow-up result (success or not).</param>
/// <param name="FollowUpDue">Courses past their follow-up day without a Dean score.</param>
public sealed record RegimenOutcome(
    string Regimen,
    int Courses,
    int WithResult,
    int Successes,
    int FollowUpDue,
    int SessionsCooled,
    int ChemotherapySessionsGiven)
{
    /// <summary>Successes / courses with a result (0–1); null when no course has a result.</summary>
    public double? SuccessRate => WithResult == 0 ? null : (double)Successes / WithResult;

    /// <summary>Sessions cooled / chemotherapy sessions given (0–1); null when none were given.</summary>
    public double? Adherence => ChemotherapySessionsGiven == 0 ? null : (double)SessionsCooled / ChemotherapySessionsGiven;
}
