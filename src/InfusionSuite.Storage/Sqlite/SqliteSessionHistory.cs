using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Sessions;
using Microsoft.EntityFrameworkCore;

namespace InfusionSuite.Storage.Sqlite;

/// <summary>The read side for a session's detail (EF Core, no tracking, its own connection).</summary>
internal sealed class SqliteSessionHistory(IDbContextFactory<InfusionSuiteDbContext> contexts) : ISessionHistory
{
    public async Task<IReadOnlyList<NurseAuditEntry>> AuditAsync(string sessionId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.NurseAudit.AsNoTracking()
            .Join(db.Sessions.Where(s => s.SessionId == sessionId), a => a.SessionKey, s => s.SessionKey, (a, _) => a)
            .OrderBy(a => a.IngestSeq)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(a => new NurseAuditEntry(
            a.IngestSeq, sessionId, (NurseActionKind)a.Action, a.NurseId,
            TelemetryColumns.Instant(a.EnteredAtMs), TelemetryColumns.Instant(a.EffectiveAtMs),
            a.StatusBefore is { } before ? (SessionStatus)before : null, (SessionStatus)a.StatusAfter, a.Change))];
    }
}
