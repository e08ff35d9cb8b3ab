namespace InfusionSuite.Application.Courses;

/// <summary>The answer to a course entry.</summary>
public enum CourseEntryOutcome : byte
{
    Stored,
    Duplicate,
    Invalid,
    UnknownCourse,

    /// <summary>The course has no assessment with this id (a correction).</summary>
    UnknownAssessment,
}
