using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Sessions;
using Microsoft.EntityFrameworkCore;

namespace InfusionSuite.Storage.Sqlite;

/// <summary>Patients' names: each session's as entered at its start, and the name on file (PHI: never logged); on either engine.</summary>
internal sealed class SqlitePatientNames(IDbContextFactory<InfusionSuiteDbContext> contexts) : IPatientNames
{
    /// <summary>
    /// The name on file: the name entered at the start of the patient's latest session (in the order entered) that was not
    /// voided as the wrong patient's; none when every named session was. A patient whose sessions were all stored before
    /// names were kept per session keeps the name stored for the patient then.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> FindAsync(IReadOnlyCollection<string> patientReferences, CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (patientReferences.Count == 0)
        {
            return names;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var named = await (
            from s in db.Sessions.AsNoTracking()
            join c in db.Courses on s.CourseKey equals c.CourseKey
            where patientReferences.Contains(c.PatientReference) && s.PatientName != null
            select new { c.PatientReference, s.SessionKey, s.PatientName, s.VoidReason })
            .ToListAsync(cancellationToken);
        foreach (var patient in named.GroupBy(r => r.PatientReference, StringComparer.Ordinal))
        {
            if (patient.Where(r => r.VoidReason != (int)VoidReason.WrongPatient).MaxBy(r => r.SessionKey) is { } latest)
            {
                names[patient.Key] = latest.PatientName!;
            }
        }

        var before = patientReferences.Where(p => !named.Exists(r => string.Equals(r.PatientReference, p, StringComparison.Ordinal))).ToList();
        if (before.Count > 0)
        {
            foreach (var patient in await db.Patients.AsNoTracking().Where(p => before.Contains(p.PatientReference)).ToListAsync(cancellationToken))
            {
                names[patient.PatientReference] = patient.DisplayName;
            }
        }

        return names;
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
