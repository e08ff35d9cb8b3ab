using InfusionSuite.Domain.Billing;
using InfusionSuite.Domain.Courses;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Fhir.Mapping;
using InfusionSuite.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Storage.Outbox;

/// <summary>
/// What the mapper needs beside an ended session's record, read inside the batch transaction: the
/// patient reference (and the encounter, when one was given) as stored at the start, and this session's billing decisions from
/// <see cref="ScalpCoolingBilling.Evaluate"/> over every course of the patient (each other session
/// replayed from its log); and each nurse's Practitioner from their user profile. A nurse whose
/// profile has no Practitioner id becomes a logical reference in the mapper
/// (<c>Fhir:Mapping:PractitionerIdentifierSystem</c>).
/// </summary>
internal sealed class SessionFhirContextReader(IOptions<FhirMappingOptions> mapping, BillingPolicy billing)
{
    private const string NpiSystem = "http://hl7.org/fhir/sid/us-npi";

    public async Task<SessionFhirContext> ReadAsync(SqliteTransaction transaction, ScalpCoolingSessionRecord record, CancellationToken cancellationToken)
    {
        var plan = record.Plan;
        var options = mapping.Value;
        return new SessionFhirContext
        {
            Patient = EhrReference.Parse(plan.PatientReference, "Patient", options.PatientIdentifierSystem, "Patient"),
            Encounter = string.IsNullOrWhiteSpace(plan.EncounterReference)
                ? null
                : EhrReference.Parse(plan.EncounterReference, "Encounter", options.EncounterIdentifierSystem, "Encounter"),
            Charges = options.ChargeItems ? await ChargesAsync(transaction, record, cancellationToken) : [],
            Practitioners = await PractitionersAsync(transaction, record.Nurses, cancellationToken),
        };
    }

    private static async Task<Dictionary<string, EhrReference>> PractitionersAsync(
        SqliteTransaction transaction, IReadOnlyList<string> nurseIds, CancellationToken cancellationToken)
    {
        var practitioners = new Dictionary<string, EhrReference>(StringComparer.Ordinal);
        await using var query = transaction.Connection!.CreateCommand();
        query.Transaction = transaction;
        query.CommandText = "SELECT practitioner_id FROM users WHERE user_id = $user AND practitioner_id IS NOT NULL AND practitioner_id <> ''";
        var user = query.Parameters.Add("$user", SqliteType.Text);
        foreach (var nurseId in nurseIds.Distinct(StringComparer.Ordinal))
        {
            user.Value = nurseId;
            if (await query.ExecuteScalarAsync(cancellationToken) is string practitionerId)
            {
                // The profile holds "Practitioner/{EHR id}", or the nurse's NPI as a logical reference.
                practitioners[nurseId] = EhrReference.Parse(practitionerId, "Practitioner", NpiSystem, "Practitioner");
            }
        }

        return practitioners;
    }

    private async Task<IReadOnlyList<CodeDecision>> ChargesAsync(SqliteTransaction transaction, ScalpCoolingSessionRecord record, CancellationToken cancellationToken)
    {
        var courses = new List<ScalpCoolingCourse>();
        foreach (var course in await PatientCoursesAsync(transaction, record.Plan.PatientReference, cancellationToken))
        {
            var sessions = new List<ScalpCoolingSessionRecord>(course.SessionIds.Count);
            foreach (var id in course.SessionIds)
            {
                sessions.Add(await RecordAsync(transaction, id, record, cancellationToken));
            }

            courses.Add(ScalpCoolingCourse.Create(course.CourseId, record.Plan.PatientReference, course.Regimen, course.Calibrated, sessions));
        }

        var sessionId = record.Plan.SessionId;
        return [.. ScalpCoolingBilling.Evaluate(courses, billing)
            .SelectMany(c => c.Placement.Concat(c.Calibration))
            .Where(d => string.Equals(d.SessionId, sessionId, StringComparison.Ordinal))];
    }

    private static async Task<ScalpCoolingSessionRecord> RecordAsync(
        SqliteTransaction transaction, string sessionId, ScalpCoolingSessionRecord ended, CancellationToken cancellationToken)
    {
        if (string.Equals(sessionId, ended.Plan.SessionId, StringComparison.Ordinal))
        {
            return ended;
        }

        var stored = await SessionLogReader.LoadAsync(transaction.Connection!, sessionId, cancellationToken, transaction)
            ?? throw new InvalidOperationException($"Session {sessionId} vanished while its course was read.");
        return ScalpCoolingSession.Replay(stored.Policy, stored.Log);
    }

    private static async Task<List<(string CourseId, string Regimen, bool Calibrated, List<string> SessionIds)>> PatientCoursesAsync(
        SqliteTransaction transaction, string patientReference, CancellationToken cancellationToken)
    {
        var courses = new Dictionary<string, (string CourseId, string Regimen, bool Calibrated, List<string> SessionIds)>(StringComparer.Ordinal);
        await using var query = transaction.Connection!.CreateCommand();
        query.Transaction = transaction;
        query.CommandText = """
            SELECT c.course_id, c.regimen, c.cap_measured_and_calibrated, s.session_id
            FROM courses c JOIN sessions s ON s.course_key = c.course_key
            WHERE c.patient_reference = $patient
            ORDER BY c.course_key, s.session_key
            """;
        query.Parameters.AddWithValue("$patient", patientReference);
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var courseId = reader.GetString(0);
            if (!courses.TryGetValue(courseId, out var course))
            {
                course = (courseId, reader.GetString(1), reader.GetBoolean(2), []);
                courses[courseId] = course;
            }

            course.SessionIds.Add(reader.GetString(3));
        }

        return [.. courses.Values];
    }
}
