using System.ComponentModel.DataAnnotations;
using InfusionSuite.Domain.Courses;

namespace InfusionSuite.Application.Configuration;

/// <summary>
/// The course rules (<c>Courses:…</c>): when the follow-up that decides a course's result is due, what
/// counts as success, and the warm-up planned per chair. Defaults and sources: <see cref="CoursePolicy"/>.
/// </summary>
public sealed class CourseOptions
{
    public const string SectionName = "Courses";

    /// <summary>The follow-up that decides a course's result is due this long after the last dose (4 weeks: Rugo et al., JAMA 2017).</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "365.00:00:00")]
    public TimeSpan FollowUpAfterLastDose { get; set; } = CoursePolicy.Default.FollowUpAfterLastDose;

    /// <summary>A course succeeds with a Dean score at or below this at the follow-up (2: hair loss of 50 % or less).</summary>
    [Range(0, 4)]
    public int SuccessMaxDean { get; set; } = CoursePolicy.Default.SuccessMaxDean;

    /// <summary>Warm-up planned before the cap comes off, in the chair-planning answer and the overrun (the cap stays on 5–10 min).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan WarmUp { get; set; } = CoursePolicy.Default.WarmUp;

    public CoursePolicy ToPolicy() => new() { FollowUpAfterLastDose = FollowUpAfterLastDose, SuccessMaxDean = SuccessMaxDean, WarmUp = WarmUp };
}
