using InfusionSuite.Application.Courses;
using InfusionSuite.Application.Outbox;
using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Courses;
using InfusionSuite.Hl7.Configuration;
using InfusionSuite.Hl7.Messages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Hl7.Outbox;

/// <summary>
/// With <c>Hl7:Enabled</c>, an outcome assessment's ORU^R01 (<see cref="OutcomeMessages"/>) as one outbox item
/// (kind <see cref="OutboxItemKind.Outcome"/>, keyed <c>course:{id}</c>), written with the assessment and
/// delivered by the HL7 dispatcher until its ACK. A message that cannot be made is parked for staff.
/// </summary>
internal sealed class Hl7CourseOutcomeParticipant(
    IOptions<Hl7Options> options, OutcomeMessages messages, TimeProvider time, ILogger<Hl7CourseOutcomeParticipant> logger, IPatientNames? names = null)
    : ICourseOutcomeParticipant
{
    public ValueTask<IReadOnlyList<OutboxItem>> OnAssessmentAsync(CourseOutcomeContext course, OutcomeAssessment assessment, CancellationToken cancellationToken) =>
        ItemAsync(course, OutboxItemKind.Outcome, patient => messages.For(course, assessment, patient), cancellationToken);

    /// <summary>A correction's ORU (kind <see cref="OutboxItemKind.Correction"/>) or an "entered in error"'s (<see cref="OutboxItemKind.Void"/>).</summary>
    public ValueTask<IReadOnlyList<OutboxItem>> OnAssessmentChangedAsync(
        CourseOutcomeContext course, OutcomeAssessment before, AssessmentChange change, OutcomeAssessment? after, CancellationToken cancellationToken) =>
        ItemAsync(course, after is null ? OutboxItemKind.Void : OutboxItemKind.Correction, patient => messages.Change(course, before, after, patient, AssessmentChangeNote.For(change)), cancellationToken);

    private async ValueTask<IReadOnlyList<OutboxItem>> ItemAsync(
        CourseOutcomeContext course, OutboxItemKind kind, Func<Hl7SessionContext, Hl7OutgoingMessage> message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(course);
        if (!options.Value.Enabled)
        {
            return [];
        }

        var key = OutcomeKeys.Of(course.CourseId);
        var now = time.GetUtcNow();
        try
        {
            var name = names is null ? null : (await names.FindAsync([course.PatientReference], cancellationToken)).GetValueOrDefault(course.PatientReference);
            var (family, given) = Hl7SessionContextReader.SplitName(name);
            var patient = new Hl7SessionContext
            {
                PatientId = Hl7SessionContextReader.PatientId(course.PatientReference),
                PatientFamilyName = family,
                PatientGivenName = given,
            };
            return [Hl7OutboxItems.Create(key, kind, message(patient), now)];
        }
        catch (Exception e) when (e is not (OperationCanceledException or System.Data.Common.DbException))
        {
            var parked = Hl7OutboxItems.CouldNotMake(key, kind, e, now);
            Hl7OutboxLog.MappingFailed(logger, key, e.GetType().Name, parked.Id);
            return [parked];
        }
    }
}
