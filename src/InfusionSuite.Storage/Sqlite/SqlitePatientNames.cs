using InfusionSuite.Application.Ports;
using Microsoft.EntityFrameworkCore;

namespace InfusionSuite.Storage.Sqlite;

/// <summary>Patients' names: each session's as entered at its start, and the name on file (PHI: never logged).</summary>
internal sealed class SqlitePatientNames(IDbContextFactory<InfusionSuiteDbContext> contexts) : IPatientNames
{
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

    public async Task<IReadOnlyDictionary<string, string>> FindForSessionsAsync(IReadOnlyCollection<string> sessionIds, CancellationToken cancellationToken)
    {
        if (sessionIds.Count == 0)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await (
            from s in db.Sessions.AsNoTracking()
            where sessionIds.Contains(s.SessionId)
            join c in db.Courses on s.CourseKey equals c.CourseKey
            join p in db.Patients on c.PatientReference equals p.PatientReference into onFile
            from p in onFile.DefaultIfEmpty()
            select new { s.SessionId, Name = s.PatientName ?? (p == null ? null : p.DisplayName) })
            .ToListAsync(cancellationToken);
        return rows.Where(r => r.Name is not null).ToDictionary(r => r.SessionId, r => r.Name!, StringComparer.Ordinal);
    }
}
