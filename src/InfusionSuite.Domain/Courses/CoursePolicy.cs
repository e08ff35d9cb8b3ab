namespace InfusionSuite.Domain.Courses;

/// <summary>The numbers of the course rules, each a site setting with its source.</summary>
public sealed record CoursePolicy
{
    public static CoursePolicy Default { get; } = new();

    /// <summary>
    /// The follow-up that decides the result is due this long after the last dose: four weeks
    /// [Rugo HS et al., JAMA 2017;317(6):606–614, primary end point at 4 weeks after the last dose].
    /// </summary>
    public TimeSpan FollowUpAfterLastDose { get; init; } = TimeSpan.FromDays(28);

    /// <summary>
    /// Success is a Dean score at or below this at the follow-up (hair loss ≤ 50 %) [Rugo HS et al.,
    /// JAMA 2017; shared/spec clinical-rules "What a nurse documents beside the device data"].
    /// </summary>
    public int SuccessMaxDean { get; init; } = 2;

    /// <summary>
    /// Warm-up allowed before removal when planning a chair: the cap stays on 5–10 min to warm up
    /// [clinical-rules "Removal"]; the upper end is planned.
    /// </summary>
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromMinutes(10);
}
