using InfusionSuite.Application.Ports;
using System.Data.Common;

namespace InfusionSuite.Storage.Sqlite;

/// <summary>Reads every course of a patient with each of its sessions' logs (for billing); a session voided as the wrong patient's is none of the patient's.</summary>
internal static class PatientCourseReader
{
    /// <summary>Courses in storage order, sessions in storage order; inside <paramref name="transaction"/> when given.</summary>
    public static async Task<IReadOnlyList<StoredCourse>> ReadAsync(
        DbConnection connection, DbTransaction? transaction, string patientReference, CancellationToken cancellationToken)
    {
        var courses = new List<(string CourseId, string Regimen, bool Calibrated, List<string> SessionIds)>();
        await using (var query = connection.CreateCommand())
        {
            query.Transaction = transaction;
            query.CommandText = "SELECT c.course_id, c.regimen, c.cap_measured_and_calibrated, s.session_id " +
                "FROM courses c JOIN sessions s ON s.course_key = c.course_key " +
                "WHERE c.patient_reference = @patient AND " + CourseMembership.InCourse + " ORDER BY c.course_key, s.session_key";
            query.With("@patient", patientReference);
            await using var reader = await query.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var courseId = reader.GetString(0);
                if (courses.Count == 0 || !string.Equals(courses[^1].CourseId, courseId, StringComparison.Ordinal))
                {
                    courses.Add((courseId, reader.GetString(1), reader.GetBoolean(2), []));
                }

                courses[^1].SessionIds.Add(reader.GetString(3));
            }
        }

        var stored = new List<StoredCourse>(courses.Count);
        foreach (var (courseId, regimen, calibrated, sessionIds) in courses)
        {
            var sessions = new List<StoredSession>(sessionIds.Count);
            foreach (var id in sessionIds)
            {
                sessions.Add(await SessionLogReader.LoadAsync(connection, id, cancellationToken, transaction)
                    ?? throw new InvalidOperationException($"Session {id} vanished while its course was read."));
            }

            stored.Add(new StoredCourse(courseId, regimen, calibrated, sessions));
        }

        return stored;
    }
}
