using InfusionSuite.Web.Board;

namespace InfusionSuite.Web.Courses;

/// <summary>
/// A course for its page and <c>GET /api/courses/{id}</c>: sessions in order, chemotherapy given without
/// cooling, adherence, cumulative cooling time, the assessments and the result (rules: docs/nurse-station.md).
/// </summary>
/// <param name="AdherencePercent">Sessions cooled / chemotherapy sessions given × 100, one decimal; null when none given.</param>
/// <param name="Result"><c>InProgress</c>, <c>FollowUpDue</c>, <c>Success</c> or <c>NotSuccess</c>.</param>
public sealed record CourseApiView(
    string CourseId,
    string Regimen,
    PatientView Patient,
    IReadOnlyList<CourseSessionView> Sessions,
    IReadOnlyList<NotCooledView> NotCooled,
    IReadOnlyList<AssessmentView> Assessments,
    int SessionsCooled,
    int ChemotherapySessionsGiven,
    double? AdherencePercent,
    int CumulativeCoolingMinutes,
    DateTimeOffset? LastDoseAt,
    DateTimeOffset? FollowUpDueFrom,
    string Result,
    AssessmentView? FollowUp,
    AssessmentView? StoppedCooling)
{
    /// <summary>Assessments entered in error: left out of the result and the reports, kept here with why.</summary>
    public IReadOnlyList<AssessmentView> EnteredInError { get; init; } = [];

    /// <summary>The outcome assessments' items in the outbox (key <c>course:{id}</c>), oldest first.</summary>
    public IReadOnlyList<OutcomeDeliveryView> Delivery { get; init; } = [];
}
