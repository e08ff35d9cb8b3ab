using InfusionSuite.Application.Outbox;
using InfusionSuite.Domain.Courses;
using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Application.Courses;

/// <summary>
/// Nurses' course entries: "chemotherapy given, not cooled" and outcome assessments. Each is checked
/// once (<see cref="CourseEntryValidation"/>), stamped with who and when, and stored append-only; an
/// assessment's outbox items (<see cref="ICourseOutcomeParticipant"/>) are written in the same transaction.
/// </summary>
public sealed class CourseDocumentation(
    ICourseRecords records, IEnumerable<ICourseOutcomeParticipant> participants, CourseSummaries summaries, TimeProvider time)
{
    public async Task<CourseEntryResult> NotCooledAsync(NotCooledEntry entry, string nurseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var now = time.GetUtcNow();
        if (CourseEntryValidation.Check(entry, now) is { Count: > 0 } errors)
        {
            return CourseEntryResult.Invalid(errors);
        }

        var id = entry.EntryId ?? Guid.CreateVersion7(now).ToString("N");
        var text = string.IsNullOrWhiteSpace(entry.ReasonText) ? null : entry.ReasonText.Trim();
        var record = new ChemoGivenNotCooled(id, entry.GivenAt ?? now, CourseEntryValidation.ParseReason(entry.Reason)!.Value, text, nurseId, now);
        return Answer(await records.AddNotCooledAsync(entry.CourseId, record, [], cancellationToken), id);
    }

    public async Task<CourseEntryResult> AssessAsync(AssessmentEntry entry, string nurseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var now = time.GetUtcNow();
        if (CourseEntryValidation.Check(entry, now) is { Count: > 0 } errors)
        {
            return CourseEntryResult.Invalid(errors);
        }

        if (await records.LoadAsync(entry.CourseId, cancellationToken) is not { } file)
        {
            return new CourseEntryResult(CourseEntryOutcome.UnknownCourse, [], null);
        }

        var id = entry.AssessmentId ?? Guid.CreateVersion7(now).ToString("N");
        var stopped = entry.StoppedCooling is true;
        var assessment = new OutcomeAssessment(
            id, entry.AssessedAt ?? now, nurseId, entry.Dean, entry.CtcaeGrade, stopped,
            stopped ? entry.StoppedReason!.Trim() : null, now);
        var course = CourseSummaries.Course(file);
        var summary = summaries.Summarize(course, file with { Assessments = [.. file.Assessments, assessment] }, now);
        var context = new CourseOutcomeContext(
            file.Facts.CourseId, file.Facts.PatientReference, course.Sessions.LastOrDefault(s => s.Status != SessionStatus.Voided), summary);
        var items = new List<OutboxItem>();
        foreach (var participant in participants)
        {
            items.AddRange(await participant.OnAssessmentAsync(context, assessment, cancellationToken));
        }

        return Answer(await records.AddAssessmentAsync(entry.CourseId, assessment, items, cancellationToken), id);
    }

    private static CourseEntryResult Answer(CourseEntryStored stored, string id) => stored switch
    {
        CourseEntryStored.Stored => new(CourseEntryOutcome.Stored, [], id),
        CourseEntryStored.Duplicate => new(CourseEntryOutcome.Duplicate, [], id),
        _ => new(CourseEntryOutcome.UnknownCourse, [], null),
    };
}
