using InfusionSuite.Application.Courses;
using InfusionSuite.Application.Outbox;
using InfusionSuite.Domain.Courses;
using InfusionSuite.Storage.Outbox;
using Microsoft.Data.Sqlite;

namespace InfusionSuite.Storage.Sqlite;

/// <summary>
/// Courses for the course page and the report (read on a connection of their own), and nurses' course
/// entries: each written with its outbox items in one transaction; an entry id stored before writes nothing.
/// </summary>
internal sealed class SqliteCourseRecords(SqliteConnections connections, DatabaseInitializer initializer) : ICourseRecords
{
    public async Task<CourseFile?> LoadAsync(string courseId, CancellationToken cancellationToken)
    {
        await initializer.EnsureMigratedAsync(cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        return await CourseFileReader.OneAsync(connection, transaction, courseId, cancellationToken);
    }

    public async Task<IReadOnlyList<CourseFile>> AllAsync(DateTimeOffset? until, CancellationToken cancellationToken)
    {
        await initializer.EnsureMigratedAsync(cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        return await CourseFileReader.AllAsync(connection, transaction, until?.ToUnixTimeMilliseconds(), cancellationToken);
    }

    public Task<CourseEntryStored> AddNotCooledAsync(string courseId, ChemoGivenNotCooled entry, IReadOnlyList<OutboxItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return AddAsync(
            courseId, "course_not_cooled", "entry_id", entry.EntryId, items,
            """
            INSERT INTO course_not_cooled (entry_id, course_key, given_at_ms, reason, reason_text, nurse_id, entered_at_ms)
            VALUES ($id, $course, $at, $reason, $text, $nurse, $entered)
            """,
            c =>
            {
                c.Parameters.AddWithValue("$at", entry.GivenAt.ToUnixTimeMilliseconds());
                c.Parameters.AddWithValue("$reason", (int)entry.Reason);
                c.Parameters.AddWithValue("$text", (object?)entry.ReasonText ?? DBNull.Value);
                c.Parameters.AddWithValue("$nurse", entry.DocumentedBy);
                c.Parameters.AddWithValue("$entered", entry.DocumentedAt.ToUnixTimeMilliseconds());
            },
            cancellationToken);
    }

    public Task<CourseEntryStored> AddAssessmentAsync(string courseId, OutcomeAssessment assessment, IReadOnlyList<OutboxItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return AddAsync(
            courseId, "course_assessments", "assessment_id", assessment.AssessmentId, items,
            """
            INSERT INTO course_assessments (assessment_id, course_key, assessed_at_ms, dean, ctcae_grade, stopped_cooling, stopped_reason, nurse_id, entered_at_ms)
            VALUES ($id, $course, $at, $dean, $ctcae, $stopped, $why, $nurse, $entered)
            """,
            c =>
            {
                c.Parameters.AddWithValue("$at", assessment.AssessedAt.ToUnixTimeMilliseconds());
                c.Parameters.AddWithValue("$dean", (object?)assessment.Dean ?? DBNull.Value);
                c.Parameters.AddWithValue("$ctcae", (object?)assessment.CtcaeAlopeciaGrade ?? DBNull.Value);
                c.Parameters.AddWithValue("$stopped", assessment.StoppedCooling);
                c.Parameters.AddWithValue("$why", (object?)assessment.StoppedCoolingReason ?? DBNull.Value);
                c.Parameters.AddWithValue("$nurse", assessment.AssessedBy);
                c.Parameters.AddWithValue("$entered", assessment.DocumentedAt.ToUnixTimeMilliseconds());
            },
            cancellationToken);
    }

    private async Task<CourseEntryStored> AddAsync(
        string courseId, string table, string idColumn, string id, IReadOnlyList<OutboxItem> items, string insert, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        await initializer.EnsureMigratedAsync(cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var find = connection.CreateCommand();
        find.Transaction = transaction;
        find.CommandText = "SELECT course_key FROM courses WHERE course_id = $course";
        find.Parameters.AddWithValue("$course", courseId);
        if (await find.ExecuteScalarAsync(cancellationToken) is not long courseKey)
        {
            return CourseEntryStored.UnknownCourse;
        }

        await using var exists = connection.CreateCommand();
        exists.Transaction = transaction;
        exists.CommandText = $"SELECT 1 FROM {table} WHERE {idColumn} = $id";
        exists.Parameters.AddWithValue("$id", id);
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
        {
            return CourseEntryStored.Duplicate;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = insert;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$course", courseKey);
        bind(command);
        await command.ExecuteNonQueryAsync(cancellationToken);
        foreach (var item in items)
        {
            await OutboxRows.InsertAsync(connection, transaction, item, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return CourseEntryStored.Stored;
    }
}
