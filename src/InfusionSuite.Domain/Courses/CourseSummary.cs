using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Domain.Courses;

/// <summary>
/// A course as the course page and the suite report read it: its sessions in order, the
/// chemotherapy given without cooling, adherence, cumulative cooling time, the outcome assessments
/// and the result. Pure: "now" is the caller's instant.
/// </summary>
/// <remarks>
/// Adherence = sessions cooled / chemotherapy sessions given [shared/spec clinical-rules, "What a
/// nurse documents beside the device data": patients who cool in fewer than half their sessions do
/// worse]. A session is cooled when it is not voided and a cap was placed; chemotherapy sessions given
/// are the course's non-voided sessions plus the "given, not cooled" entries.
/// The result follows Rugo HS et al., JAMA 2017;317(6):606–614: success is a Dean score ≤ 2 at a
/// follow-up four weeks or more after the last dose; the first Dean score on or after that day decides.
/// </remarks>
public sealed record CourseSummary(
    string CourseId,
    string Regimen,
    IReadOnlyList<CourseSessionLine> Sessions,
    IReadOnlyList<ChemoGivenNotCooled> NotCooled,
    IReadOnlyList<OutcomeAssessment> Assessments,
    int SessionsCooled,
    int ChemotherapySessionsGiven,
    TimeSpan CumulativeCoolingTime,
    DateTimeOffset? LastDoseAt,
    DateTimeOffset? FollowUpDueFrom,
    OutcomeAssessment? FollowUp,
    CourseResult Result)
{
    /// <summary>Sessions cooled / chemotherapy sessions given (0–1); null when nothing was given yet.</summary>
    public double? Adherence => ChemotherapySessionsGiven == 0 ? null : (double)SessionsCooled / ChemotherapySessionsGiven;

    /// <summary>Whether the patient stopped cooling, per the latest assessment that says so.</summary>
    public OutcomeAssessment? StoppedCooling => Assessments.LastOrDefault(a => a.StoppedCooling);

    /// <summary>Builds the summary of <paramref name="course"/> with its documentation, as of <paramref name="now"/>.</summary>
    public static CourseSummary Create(
        ScalpCoolingCourse course,
        IEnumerable<ChemoGivenNotCooled> notCooled,
        IEnumerable<OutcomeAssessment> assessments,
        CoursePolicy policy,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(policy);
        var lines = course.Sessions.Select(CourseSessionLine.From).ToList();
        var given = lines.Where(l => l.Status != SessionStatus.Voided).ToList();
        var skipped = notCooled.OrderBy(n => n.GivenAt).ThenBy(n => n.EntryId, StringComparer.Ordinal).ToList();
        var assessed = assessments.OrderBy(a => a.AssessedAt).ThenBy(a => a.AssessmentId, StringComparer.Ordinal).ToList();

        var doses = given.Select(l => l.DoseAt).Concat(skipped.Select(n => n.GivenAt)).ToList();
        DateTimeOffset? lastDose = doses.Count == 0 ? null : doses.Max();
        var dueFrom = lastDose + policy.FollowUpAfterLastDose;
        var followUp = dueFrom is { } due ? assessed.FirstOrDefault(a => a.Dean is not null && a.AssessedAt >= due) : null;
        var result = followUp is { Dean: { } dean }
            ? dean <= policy.SuccessMaxDean ? CourseResult.Success : CourseResult.NotSuccess
            : dueFrom is { } from && now >= from ? CourseResult.FollowUpDue : CourseResult.InProgress;

        return new CourseSummary(
            course.CourseId,
            course.Regimen,
            lines,
            skipped,
            assessed,
            given.Count(l => l.Cooled),
            given.Count + skipped.Count,
            lines.Where(l => l.Cooled).Aggregate(TimeSpan.Zero, (sum, l) => sum + l.CoolingTime),
            lastDose,
            dueFrom,
            followUp,
            result);
    }
}
