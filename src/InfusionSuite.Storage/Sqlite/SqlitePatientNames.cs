using InfusionSuite.Application.Ports;
using InfusionSuite.Storage.Schema;
using Microsoft.EntityFrameworkCore;

namespace InfusionSuite.Storage.Sqlite;

/// <summary>Patients' display names (PHI: never logged).</summary>
internal sealed class SqlitePatientNames(IDbContextFactory<InfusionSuiteDbContext> contexts) : IPatientNames
{
    public async Task SetAsync(string patientReference, string displayName, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Patients.FirstOrDefaultAsync(p => p.PatientReference == patientReference, cancellationToken);
        if (row is null)
        {
            db.Patients.Add(new PatientRow { PatientReference = patientReference, DisplayName = displayName });
        }
        else
        {
            row.DisplayName = displayName;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, string>> FindAsync(IReadOnlyCollection<string> patientReferences, CancellationToken cancellationToken)
    {
        if (patientReferences.Count == 0)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Patients.AsNoTracking()
            .Where(p => patientReferences.Contains(p.PatientReference))
            .ToDictionaryAsync(p => p.PatientReference, p => p.DisplayName, StringComparer.Ordinal, cancellationToken);
    }
}
