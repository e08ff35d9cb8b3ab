using InfusionSuite.Application.Nursing;

namespace InfusionSuite.Application.Courses;

/// <summary>A course entry's outcome, the field problems when invalid, and the entry's id when stored.</summary>
public sealed record CourseEntryResult(CourseEntryOutcome Outcome, IReadOnlyList<FieldError> Errors, string? EntryId)
{
    public static CourseEntryResult Invalid(IReadOnlyList<FieldError> errors) => new(CourseEntryOutcome.Invalid, errors, null);
}
