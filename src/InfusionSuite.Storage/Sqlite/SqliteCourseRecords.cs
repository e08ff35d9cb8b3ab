using System.Data.Common;
using InfusionSuite.Application.Courses;
using InfusionSuite.Application.Outbox;
using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Courses;
using InfusionSuite.Storage.Outbox;

namespace InfusionSuite.Storage.Sqlite;

/// <summary>
/// Courses (either engine) for the course page and the report (read on a connection of their own), and nurses' course
/// entries: each written with its outbox items in one transaction; an entry id stored before writes nothing.
/// </summary>
internal sealed class SqliteCourseRecords(DatabaseConnections connections, IDatabaseMigrator initializer) : ICourseRecords
{
    public async Task<CourseFile?> LoadAsync(string courseId, CancellationToken cancellationToken)
    {
        await initializer.EnsureMigratedAsync(cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connections.BeginReadAsync(connection, cancellationToken);
        return await CourseFileReader.OneAsync(connection, transaction, courseId, cancellationToken);
    }

    public async Task<IReadOnlyList<CourseFile>> AllAsync(DateTimeOffset? until, CancellationToken cancellationToken)
    {
        await initializer.EnsureMigratedAsync(cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connections.BeginReadAsync(connection, cancellationToken);
        return await CourseFileReader.AllAsync(connection, transaction, until?.ToUnixTimeMilliseconds(), cancellationToken);
    }

    public Task<CourseEntryStored> AddNotCooledAsync(string courseId, ChemoGivenNotCooled entry, IReadOnlyList<OutboxItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return AddAsync(
            courseId, "course_not_cooled", "entry_id", entry.EntryId, items,
            """
            INSERT INTO course_not_cooled (entry_id, course_key, given_at_ms, reason, reason_text, nurse_id, entered_at_ms)
            VALUES (@id, @course, @at, @reason, @text, @nurse, @entered)
            """,
            c =>
            {
                c.With("@at", entry.GivenAt.ToUnixTimeMilliseconds());
                c.With("@reason", (int)entry.Reason);
                c.With("@text", (object?)entry.ReasonText ?? DBNull.Value);
                c.With("@nurse", entry.DocumentedBy);
                c.With("@entered", entry.DocumentedAt.ToUnixTimeMilliseconds());
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
            VALUES (@id, @course, @at, @dean, @ctcae, @stopped, @why, @nurse, @entered)
            """,
            c =>
            {
                c.With("@at", assessment.AssessedAt.ToUnixTimeMilliseconds());
                c.With("@dean", (object?)assessment.Dean ?? DBNull.Value);
                c.With("@ctcae", (object?)assessment.CtcaeAlopeciaGrade ?? DBNull.Value);
                c.With("@stopped", assessment.StoppedCooling);
                c.With("@why", (object?)assessment.StoppedCoolingReason ?? DBNull.Value);
                c.With("@nurse", assessment.AssessedBy);
                c.With("@entered", assessment.DocumentedAt.ToUnixTimeMilliseconds());
            },
            cancellationToken);
    }

    public Task<CourseEntryStored> AddAssessmentChangeAsync(string courseId, AssessmentChange change, IReadOnlyList<OutboxItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return AddAsync(
            courseId, "course_assessment_changes", "change_id", change.ChangeId, items,
            """
            INSERT INTO course_assessment_changes (change_id, assessment_id, course_key, kind, assessed_at_ms, dean, ctcae_grade, stopped_cooling, stopped_reason, reason, nurse_id, entered_at_ms)
            VALUES (@id, @assessment, @course, @kind, @at, @dean, @ctcae, @stopped, @why, @reason, @nurse, @entered)
            """,
            c =>
            {
                c.With("@assessment", change.AssessmentId);
                c.With("@kind", (int)change.Kind);
                c.With("@at", (object?)change.AssessedAt?.ToUnixTimeMilliseconds() ?? DBNull.Value);
                c.With("@dean", (object?)change.Dean ?? DBNull.Value);
                c.With("@ctcae", (object?)change.CtcaeAlopeciaGrade ?? DBNull.Value);
                c.With("@stopped", change.StoppedCooling);
                c.With("@why", (object?)change.StoppedCoolingReason ?? DBNull.Value);
                c.With("@reason", change.Reason);
                c.With("@nurse", change.ChangedBy);
                c.With("@entered", change.ChangedAt.ToUnixTimeMilliseconds());
            },
            cancellationToken);
    }

    private async Task<CourseEntryStored> AddAsync(
        string courseId, string table, string idColumn, string id, IReadOnlyList<OutboxItem> items, string insert, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        await initializer.EnsureMigratedAsync(cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var find = connection.CreateCommand();
        find.Transaction = transaction;
        find.CommandText = "SELECT course_key FROM courses WHERE course_id = @course";
        find.With("@course", courseId);
        if (await find.ExecuteScalarAsync(cancellationToken) is not { } found)
        {
            return CourseEntryStored.UnknownCourse;
        }

        var courseKey = Convert.ToInt64(found, System.Globalization.CultureInfo.InvariantCulture);

        await using var exists = connection.CreateCommand();
        exists.Transaction = transaction;
        exists.CommandText = $"SELECT 1 FROM {table} WHERE {idColumn} = @id";
        exists.With("@id", id);
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
        {
            return CourseEntryStored.Duplicate;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = insert;
        command.With("@id", id);
        command.With("@course", courseKey);
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
