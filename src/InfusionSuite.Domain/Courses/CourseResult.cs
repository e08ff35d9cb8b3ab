namespace InfusionSuite.Domain.Courses;

/// <summary>Where a course stands on its outcome (<see cref="CourseSummary.Result"/>).</summary>
public enum CourseResult : byte
{
    /// <summary>Less than the follow-up interval since the last dose (or no dose yet).</summary>
    InProgress,

    /// <summary>The follow-up interval has passed and no Dean score was recorded since.</summary>
    FollowUpDue,

    /// <summary>Dean ≤ the success limit at the follow-up.</summary>
    Success,

    /// <summary>Dean above the success limit at the follow-up.</summary>
    NotSuccess,
}
