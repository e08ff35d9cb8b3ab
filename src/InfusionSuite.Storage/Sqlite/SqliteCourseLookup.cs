using InfusionSuite.Application.Ports;

namespace InfusionSuite.Storage.Sqlite;

/// <summary>The course of a patient's latest stored session, read on a connection of its own.</summary>
internal sealed class SqliteCourseLookup(SqliteConnections connections, DatabaseInitializer initializer) : ICourseLookup
{
    public async Task<string?> LatestCourseAsync(string patientReference, CancellationToken cancellationToken)
    {
        await initializer.EnsureMigratedAsync(cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var query = connection.CreateCommand();
        query.CommandText = """
            SELECT c.course_id FROM sessions s JOIN courses c ON c.course_key = s.course_key
            WHERE c.patient_reference = $patient ORDER BY s.session_key DESC LIMIT 1
            """;
        query.Parameters.AddWithValue("$patient", patientReference);
        return await query.ExecuteScalarAsync(cancellationToken) as string;
    }
}
