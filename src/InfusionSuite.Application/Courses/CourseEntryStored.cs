namespace InfusionSuite.Application.Courses;

/// <summary>What the store did with a course entry.</summary>
public enum CourseEntryStored : byte
{
    /// <summary>Written, with its outbox items, in one transaction.</summary>
    Stored,

    /// <summary>An entry with this id was stored before: nothing written.</summary>
    Duplicate,

    /// <summary>No such course.</summary>
    UnknownCourse,
}
