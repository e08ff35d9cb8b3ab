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
        var practitioner = await PractitionerAsync(assessment, cancellationToken);
        return [Item(course, OutboxItemKind.Outcome, mapper.Map(course, assessment, practitioner))];
    }

    /// <summary>
    /// A correction (kind <see cref="OutboxItemKind.Correction"/>) or an "entered in error" (<see cref="OutboxItemKind.Void"/>)
    /// under the same key: the dispatcher updates the Observations sent before by the EHR's ids (or conditionally, by identifier).
    /// </summary>
    public async ValueTask<IReadOnlyList<OutboxItem>> OnAssessmentChangedAsync(
        CourseOutcomeContext course, OutcomeAssessment before, AssessmentChange change, OutcomeAssessment? after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(change);
        var practitioner = await PractitionerAsync(before, cancellationToken);
        var kind = after is null ? OutboxItemKind.Void : OutboxItemKind.Correction;
        return [Item(course, kind, mapper.MapChange(course, before, change, after, practitioner))];
    }

    /// <summary>The assessing nurse as the Observations' performer: the Practitioner of their profile, when it has one.</summary>
    private async Task<string?> PractitionerAsync(OutcomeAssessment assessment, CancellationToken cancellationToken) =>
        staff is null ? null : (await staff.FindByIdAsync(assessment.AssessedBy, cancellationToken))?.PractitionerId;

    private OutboxItem Item(CourseOutcomeContext course, OutboxItemKind kind, Hl7.Fhir.Model.Bundle bundle)
    {
        var now = time.GetUtcNow();
        return new OutboxItem
        {
            Id = Guid.CreateVersion7(now),
            SessionId = OutcomeKeys.Of(course.CourseId),
            Kind = kind,
            ContentType = FhirOutboxItems.ContentType,
            Payload = FhirJson.Serialize(bundle),
            EnqueuedAt = now,
            NextAttemptAt = now,
        };
    }
}
