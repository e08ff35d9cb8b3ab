using InfusionSuite.Application.Outbox;
using InfusionSuite.Domain.Courses;

namespace InfusionSuite.Application.Courses;

/// <summary>Storage of courses as the course page, the suite report and course documentation need them.</summary>
public interface ICourseRecords
{
    /// <summary>The course with its sessions and documentation; null when unknown.</summary>
    Task<CourseFile?> LoadAsync(string courseId, CancellationToken cancellationToken);

    /// <summary>Every course that has a session starting before <paramref name="until"/> (or any, when null), with all its parts.</summary>
    Task<IReadOnlyList<CourseFile>> AllAsync(DateTimeOffset? until, CancellationToken cancellationToken);

    /// <summary>Stores the entry and <paramref name="items"/> in one transaction (an entry id stored before writes nothing).</summary>
    Task<CourseEntryStored> AddNotCooledAsync(string courseId, ChemoGivenNotCooled entry, IReadOnlyList<OutboxItem> items, CancellationToken cancellationToken);

    /// <summary>Stores the assessment and <paramref name="items"/> in one transaction (an id stored before writes nothing).</summary>
    Task<CourseEntryStored> AddAssessmentAsync(string courseId, OutcomeAssessment assessment, IReadOnlyList<OutboxItem> items, CancellationToken cancellationToken);

    /// <summary>Stores the correction (or "entered in error") and <paramref name="items"/> in one transaction (a change id stored before writes nothing).</summary>
    Task<CourseEntryStored> AddAssessmentChangeAsync(string courseId, AssessmentChange change, IReadOnlyList<OutboxItem> items, CancellationToken cancellationToken);
}
