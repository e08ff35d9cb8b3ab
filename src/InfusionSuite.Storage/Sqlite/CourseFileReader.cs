using InfusionSuite.Application.Courses;
using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Courses;
using System.Data.Common;

namespace InfusionSuite.Storage.Sqlite;

/// <summary>Reads courses with their sessions' logs (a session voided as the wrong patient's is in none) and their documentation (not cooled, assessments and their corrections).</summary>
internal static class CourseFileReader
{
    private sealed record CourseHead(int Key, CourseFacts Facts);

    public static async Task<CourseFile?> OneAsync(DbConnection connection, DbTransaction transaction, string courseId, CancellationToken cancellationToken)
    {
        var heads = await HeadsAsync(connection, transaction, "WHERE c.course_id = @id", q => q.With("@id", courseId), cancellationToken);
        return heads.Count == 0 ? null : await FileAsync(connection, transaction, heads[0], cancellationToken);
    }

    public static async Task<IReadOnlyList<CourseFile>> AllAsync(DbConnection connection, DbTransaction transaction, long? untilMs, CancellationToken cancellationToken)
    {
        var heads = await HeadsAsync(
            connection,
            transaction,
            "WHERE EXISTS (SELECT 1 FROM sessions s WHERE s.course_key = c.course_key AND " + CourseMembership.InCourse + " AND (CAST(@until AS BIGINT) IS NULL OR s.started_at_ms < @until))",
            q => q.With("@until", (object?)untilMs ?? DBNull.Value),
            cancellationToken);
        var files = new List<CourseFile>(heads.Count);
        foreach (var head in heads)
        {
            files.Add(await FileAsync(connection, transaction, head, cancellationToken));
        }

        return files;
    }

    private static async Task<List<CourseHead>> HeadsAsync(
        DbConnection connection, DbTransaction transaction, string where, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        await using var query = connection.CreateCommand();
        query.Transaction = transaction;
        query.CommandText = "SELECT c.course_key, c.course_id, c.patient_reference, c.regimen, c.cap_measured_and_calibrated FROM courses c " + where + " ORDER BY c.course_key";
        bind(query);
        var heads = new List<CourseHead>();
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            heads.Add(new CourseHead(reader.GetInt32(0), new CourseFacts(reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetBoolean(4))));
        }

        return heads;
    }

    private static async Task<CourseFile> FileAsync(DbConnection connection, DbTransaction transaction, CourseHead head, CancellationToken cancellationToken)
    {
        var sessionIds = new List<string>();
        var notCooled = new List<ChemoGivenNotCooled>();
        var assessments = new List<OutcomeAssessment>();
        await using (var query = Command(connection, transaction, "SELECT s.session_id FROM sessions s WHERE s.course_key = @course AND " + CourseMembership.InCourse + " ORDER BY s.session_key", head.Key))
        await using (var reader = await query.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                sessionIds.Add(reader.GetString(0));
            }
        }

        await using (var query = Command(connection, transaction, "SELECT entry_id, given_at_ms, reason, reason_text, nurse_id, entered_at_ms FROM course_not_cooled WHERE course_key = @course ORDER BY entry_key", head.Key))
        await using (var reader = await query.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                notCooled.Add(new ChemoGivenNotCooled(
                    reader.GetString(0), Instant(reader.GetInt64(1)), (NotCooledReason)reader.GetInt32(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4), Instant(reader.GetInt64(5))));
            }
        }

        await using (var query = Command(connection, transaction, "SELECT assessment_id, assessed_at_ms, nurse_id, dean, ctcae_grade, stopped_cooling, stopped_reason, entered_at_ms FROM course_assessments WHERE course_key = @course ORDER BY assessment_key", head.Key))
        await using (var reader = await query.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                assessments.Add(new OutcomeAssessment(
                    reader.GetString(0), Instant(reader.GetInt64(1)), reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetInt32(3), reader.IsDBNull(4) ? null : reader.GetInt32(4),
                    reader.GetBoolean(5), reader.IsDBNull(6) ? null : reader.GetString(6), Instant(reader.GetInt64(7))));
            }
        }

        var changes = new List<AssessmentChange>();
        await using (var query = Command(connection, transaction, "SELECT change_id, assessment_id, kind, assessed_at_ms, dean, ctcae_grade, stopped_cooling, stopped_reason, reason, nurse_id, entered_at_ms FROM course_assessment_changes WHERE course_key = @course ORDER BY change_key", head.Key))
        await using (var reader = await query.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                changes.Add(new AssessmentChange(
                    reader.GetString(0), reader.GetString(1), (AssessmentChangeKind)reader.GetInt32(2), reader.IsDBNull(3) ? null : Instant(reader.GetInt64(3)),
                    reader.IsDBNull(4) ? null : reader.GetInt32(4), reader.IsDBNull(5) ? null : reader.GetInt32(5), reader.GetBoolean(6),
                    reader.IsDBNull(7) ? null : reader.GetString(7), reader.GetString(8), reader.GetString(9), Instant(reader.GetInt64(10))));
            }
        }

        var sessions = new List<StoredSession>(sessionIds.Count);
        foreach (var id in sessionIds)
        {
            sessions.Add(await SessionLogReader.LoadAsync(connection, id, cancellationToken, transaction)
                ?? throw new InvalidOperationException($"Session {id} vanished while its course was read."));
        }

        return new CourseFile(head.Facts, sessions, notCooled, assessments) { AssessmentChanges = changes };
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, int courseKey)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.With("@course", courseKey);
        return command;
    }

    private static DateTimeOffset Instant(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);
}
