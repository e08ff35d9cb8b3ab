using InfusionSuite.Application.Ports;

namespace InfusionSuite.Storage.Sqlite;

/// <summary>A patient's stored courses and sessions, read on a connection of its own (read-only, any thread).</summary>
internal sealed class SqlitePatientCourses(SqliteConnections connections, DatabaseInitializer initializer) : IPatientCourses
{
    public async Task<IReadOnlyList<StoredCourse>> OfPatientAsync(string patientReference, CancellationToken cancellationToken)
    {
        await initializer.EnsureMigratedAsync(cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        return await PatientCourseReader.ReadAsync(connection, transaction, patientReference, cancellationToken);
    }
}
