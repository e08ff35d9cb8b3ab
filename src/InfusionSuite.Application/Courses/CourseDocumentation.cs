using InfusionSuite.Application.Nursing;
using InfusionSuite.Application.Outbox;
using InfusionSuite.Domain.Courses;
using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Application.Courses;

/// <summary>
/// Nurses' course entries: "chemotherapy given, not cooled", outcome assessments and their corrections (or
/// "entered in error"). Each is checked once (<see cref="CourseEntryValidation"/>), stamped with who and when,
/// and stored append-only; an assessment's or a correction's outbox items (<see cref="ICourseOutcomeParticipant"/>)
/// are written in the same transaction.
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
        var (file, refused) = await OpenAsync(entry.CourseId, CourseEntryValidation.Check(entry, now), cancellationToken);
        if (file is null)
        {
            return refused!;
        }

        var id = entry.AssessmentId ?? Guid.CreateVersion7(now).ToString("N");
        var stopped = entry.StoppedCooling is true;
        var assessment = new OutcomeAssessment(
            id, entry.AssessedAt ?? now, nurseId, entry.Dean, entry.CtcaeGrade, stopped,
            stopped ? entry.StoppedReason!.Trim() : null, now);
        var context = Context(file with { Assessments = [.. file.Assessments, assessment] }, now);
        var items = new List<OutboxItem>();
        foreach (var participant in participants)
        {
            items.AddRange(await participant.OnAssessmentAsync(context, assessment, cancellationToken));
        }

        return Answer(await records.AddAssessmentAsync(entry.CourseId, assessment, items, cancellationToken), id);
    }

    /// <summary>
    /// Corrects an assessment, or marks it entered in error, with the reason: stored append-only beside it (the
    /// original stays in the audit) with the outbox items that correct or withdraw what was sent, in one transaction.
    /// </summary>
    public async Task<CourseEntryResult> ChangeAssessmentAsync(AssessmentChangeEntry entry, string staffId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var now = time.GetUtcNow();
        var (file, refused) = await OpenAsync(entry.CourseId, CourseEntryValidation.Check(entry, now), cancellationToken);
        if (file is null)
        {
            return refused!;
        }

        if (file.Assessments.FirstOrDefault(a => string.Equals(a.AssessmentId, entry.AssessmentId, StringComparison.Ordinal)) is not { } recorded)
        {
            return new CourseEntryResult(CourseEntryOutcome.UnknownAssessment, [], null);
        }

        var id = entry.ChangeId ?? Guid.CreateVersion7(now).ToString("N");
        if (file.AssessmentChanges.Any(c => string.Equals(c.ChangeId, id, StringComparison.Ordinal)))
        {
            return new CourseEntryResult(CourseEntryOutcome.Duplicate, [], id);
        }

        if (AssessmentChange.Current(recorded, file.AssessmentChanges) is not { } before)
        {
            return CourseEntryResult.Invalid([new("assessmentId", "This assessment was entered in error: record a new assessment instead.")]);
        }

        var stopped = entry.StoppedCooling is true;
        var change = entry.EnteredInError
            ? new AssessmentChange(id, recorded.AssessmentId, AssessmentChangeKind.EnteredInError, null, null, null, false, null, entry.Reason!.Trim(), staffId, now)
            : new AssessmentChange(
                id, recorded.AssessmentId, AssessmentChangeKind.Corrected, entry.AssessedAt, entry.Dean, entry.CtcaeGrade, stopped,
                stopped ? entry.StoppedReason!.Trim() : null, entry.Reason!.Trim(), staffId, now);
        var after = change.ApplyTo(before);
        var changed = file with { AssessmentChanges = [.. file.AssessmentChanges, change] };
        var context = Context(changed, now);
        var items = new List<OutboxItem>();
        foreach (var participant in participants)
        {
            items.AddRange(await participant.OnAssessmentChangedAsync(context, before, change, after, cancellationToken));
        }

        return Answer(await records.AddAssessmentChangeAsync(entry.CourseId, change, items, cancellationToken), id);
    }

    /// <summary>The course to add to, or why not: the entry's problems (invalid), or no such course.</summary>
    private async Task<(CourseFile? File, CourseEntryResult? Refused)> OpenAsync(string courseId, IReadOnlyList<FieldError> errors, CancellationToken cancellationToken)
    {
        if (errors.Count > 0)
        {
            return (null, CourseEntryResult.Invalid(errors));
        }

        return await records.LoadAsync(courseId, cancellationToken) is { } file
            ? (file, null)
            : (null, new CourseEntryResult(CourseEntryOutcome.UnknownCourse, [], null));
    }

    private CourseOutcomeContext Context(CourseFile file, DateTimeOffset now)
    {
        var course = CourseSummaries.Course(file);
        return new CourseOutcomeContext(
            file.Facts.CourseId, file.Facts.PatientReference, course.Sessions.LastOrDefault(s => s.Status != SessionStatus.Voided), summaries.Summarize(course, file, now));
    }

    private static CourseEntryResult Answer(CourseEntryStored stored, string id) => stored switch
    {
        CourseEntryStored.Stored => new(CourseEntryOutcome.Stored, [], id),
        CourseEntryStored.Duplicate => new(CourseEntryOutcome.Duplicate, [], id),
        _ => new(CourseEntryOutcome.UnknownCourse, [], null),
    };
}
