using InfusionSuite.Application.Ports;
using InfusionSuite.Storage.Sqlite;

namespace InfusionSuite.Storage;

/// <summary>The course of a patient's latest stored session, and whose a course is, read on a connection of its own.</summary>
internal sealed class CourseLookup(DatabaseConnections connections, IDatabaseMigrator initializer) : ICourseLookup
{
    public async Task<string?> LatestCourseAsync(string patientReference, CancellationToken cancellationToken)
    {
        await initializer.EnsureMigratedAsync(cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        // A session voided as the wrong patient's is in no course of this patient: the next session does not join its course.
        await using var query = connection.Command(
            "SELECT c.course_id FROM sessions s JOIN courses c ON c.course_key = s.course_key " +
            "WHERE c.patient_reference = @patient AND " + CourseMembership.InCourse + " ORDER BY s.session_key DESC LIMIT 1").With("@patient", patientReference);
        return await query.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task<string?> PatientOfCourseAsync(string courseId, CancellationToken cancellationToken)
    {
        await initializer.EnsureMigratedAsync(cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var query = connection.Command("SELECT patient_reference FROM courses WHERE course_id = @course").With("@course", courseId);
        return await query.ExecuteScalarAsync(cancellationToken) as string;
    }
}
