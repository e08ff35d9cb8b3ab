using InfusionSuite.Application.Courses;
using InfusionSuite.Application.Outbox;
using InfusionSuite.Application.Staff;
using InfusionSuite.Domain.Courses;
using InfusionSuite.Fhir.Outbox;
using InfusionSuite.Fhir;

namespace InfusionSuite.Fhir.Outcomes;

/// <summary>
/// Returns an outcome assessment's Observations as one outbox item (<see cref="OutboxItemKind.Outcome"/>,
/// keyed <c>course:{course id}</c>); the store writes it in the transaction that stores the assessment, and
/// the FHIR dispatcher delivers it like a session's Bundle (retried until taken, parked on a refusal).
/// </summary>
internal sealed class FhirCourseOutcomeParticipant(CourseOutcomeBundle mapper, TimeProvider time, IStaffAccounts? staff = null) : ICourseOutcomeParticipant
{
    public async ValueTask<IReadOnlyList<OutboxItem>> OnAssessmentAsync(CourseOutcomeContext course, OutcomeAssessment assessment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(assessment);

        // The assessing nurse as the Observations' performer: the Practitioner of their profile, when it has one.
        var practitioner = staff is null ? null : (await staff.FindByIdAsync(assessment.AssessedBy, cancellationToken))?.PractitionerId;
        var now = time.GetUtcNow();
        IReadOnlyList<OutboxItem> items =
        [
            new OutboxItem
            {
                Id = Guid.CreateVersion7(now),
                SessionId = OutcomeKeys.Of(course.CourseId),
                Kind = OutboxItemKind.Outcome,
                ContentType = FhirOutboxItems.ContentType,
                Payload = FhirJson.Serialize(mapper.Map(course, assessment, practitioner)),
                EnqueuedAt = now,
                NextAttemptAt = now,
            },
        ];
        return items;
    }
}
