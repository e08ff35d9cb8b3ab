using InfusionSuite.Application.Ports;
using InfusionSuite.Storage.Sqlite;

namespace InfusionSuite.Storage;

/// <summary>A patient's stored courses and sessions, read on a connection of its own (read-only, any thread, one consistent state).</summary>
internal sealed class PatientCourses(DatabaseConnections connections, IDatabaseMigrator initializer) : IPatientCourses
{
    public async Task<IReadOnlyList<StoredCourse>> OfPatientAsync(string patientReference, CancellationToken cancellationToken)
    {
        await initializer.EnsureMigratedAsync(cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connections.BeginReadAsync(connection, cancellationToken);
        return await PatientCourseReader.ReadAsync(connection, transaction, patientReference, cancellationToken);
    }
}
