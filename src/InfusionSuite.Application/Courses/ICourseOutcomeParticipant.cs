using InfusionSuite.Application.Outbox;
using InfusionSuite.Domain.Courses;

namespace InfusionSuite.Application.Courses;

/// <summary>
/// What an outcome assessment adds to the outbox (the FHIR Observations, the HL7 ORU OBX rows): the
/// store writes the items in the transaction that stores the assessment, so it is delivered with the
/// outbox's guarantees (stored once, retried until the receiver takes it, parked on a refusal).
/// </summary>
public interface ICourseOutcomeParticipant
{
    /// <param name="course">The course as stored, its sessions replayed, its summary with the new assessment in it.</param>
    ValueTask<IReadOnlyList<OutboxItem>> OnAssessmentAsync(
        CourseOutcomeContext course, OutcomeAssessment assessment, CancellationToken cancellationToken);

    /// <summary>
    /// What a correction or an "entered in error" adds: the findings sent before, updated by the receiver's id
    /// (corrected) or withdrawn (entered in error); written in the transaction that stores the change.
    /// </summary>
    /// <param name="course">The course with the change applied.</param>
    /// <param name="before">The assessment as it stood (and was last sent).</param>
    /// <param name="after">The assessment as corrected; null when entered in error.</param>
    ValueTask<IReadOnlyList<OutboxItem>> OnAssessmentChangedAsync(
        CourseOutcomeContext course, OutcomeAssessment before, AssessmentChange change, OutcomeAssessment? after, CancellationToken cancellationToken);
}
