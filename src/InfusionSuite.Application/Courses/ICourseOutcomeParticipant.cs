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
}
