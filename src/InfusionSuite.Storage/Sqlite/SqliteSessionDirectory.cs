using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Sessions;
using Microsoft.EntityFrameworkCore;

namespace InfusionSuite.Storage.Sqlite;

/// <summary>The nurse station's read queries (EF Core, no tracking, a context per call).</summary>
internal sealed class SqliteSessionDirectory(IDbContextFactory<InfusionSuiteDbContext> contexts) : ISessionDirectory
{
    public async Task<IReadOnlyList<SessionListing>> RecentAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken)
    {
        var sinceMs = TelemetryColumns.Ms(since);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Started since, or documented since: a session entered late (its start days back) is recent too (issue 13).
        var rows = await Listings(db)
            .Where(l => l.StartedAtMs >= sinceMs || db.NurseAudit.Any(a => a.SessionKey == l.SessionKey && a.EnteredAtMs >= sinceMs))
            .OrderByDescending(l => l.StartedAtMs).Take(limit).ToListAsync(cancellationToken);
        return [.. rows.Select(ToListing)];
    }

    public async Task<IReadOnlyList<SessionListing>> OfPatientAsync(string patientReference, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await Listings(db).Where(l => l.PatientReference == patientReference).OrderBy(l => l.StartedAtMs).ToListAsync(cancellationToken);
        return [.. rows.Select(ToListing)];
    }

    public async Task<CourseFacts?> CourseAsync(string courseId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Courses.AsNoTracking().FirstOrDefaultAsync(c => c.CourseId == courseId, cancellationToken);
        return row is null ? null : new CourseFacts(row.CourseId, row.PatientReference, row.Regimen, row.CapMeasuredAndCalibrated);
    }

    public async Task<IReadOnlyList<SessionSample>> SamplesAsync(string sessionId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Telemetry.AsNoTracking()
            .Join(db.Sessions.Where(s => s.SessionId == sessionId), t => t.SessionKey, s => (int?)s.SessionKey, (t, _) => t)
            .OrderBy(t => t.IngestSeq)
            .Select(t => new { t.TsMs, t.Packed, t.Coolant, t.Scalp, t.Boot, t.Seq })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new SessionSample(
            TelemetryColumns.Instant(r.TsMs),
            TelemetryColumns.State(r.Packed),
            TelemetryColumns.CapConnected(r.Packed),
            new Temperature((short)r.Coolant),
            r.Scalp is { } scalp ? new Temperature((short)scalp) : null,
            TelemetryColumns.Alarms(r.Packed),
            unchecked((uint)r.Boot),
            (uint)r.Seq))];
    }

    public async Task<IReadOnlyList<ControllerListing>> ControllersAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Controllers.AsNoTracking().OrderBy(c => c.ControllerId).ToListAsync(cancellationToken);
        var voided = (int)SessionStatus.Voided;
        var used = await db.Sessions.AsNoTracking()
            .Where(s => s.Status != voided)
            .GroupBy(s => s.ControllerKey)
            .Select(g => new { ControllerKey = g.Key, Ended = g.Max(s => s.EndedAtMs), Started = g.Max(s => s.StartedAtMs) })
            .ToDictionaryAsync(x => x.ControllerKey, cancellationToken);
        return [.. rows.Select(c => new ControllerListing(
            c.ControllerId, c.Model, c.Firmware, c.LastHelloAtMs is { } ms ? TelemetryColumns.Instant(ms) : null,
            used.TryGetValue(c.ControllerKey, out var u) ? TelemetryColumns.Instant(Math.Max(u.Started, u.Ended ?? u.Started)) : null,
            c.LastHeardAtMs is { } heard ? TelemetryColumns.Instant(heard) : null))];
    }

    public async Task<IReadOnlyList<NurseAuditEntry>> AuditAsync(int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.NurseAudit.AsNoTracking()
            .Join(db.Sessions, a => a.SessionKey, s => s.SessionKey, (a, s) => new { Audit = a, s.SessionId })
            .OrderByDescending(x => x.Audit.AuditKey)
            .Take(limit)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(x => new NurseAuditEntry(
            x.Audit.IngestSeq, x.SessionId, (NurseActionKind)x.Audit.Action, x.Audit.NurseId,
            TelemetryColumns.Instant(x.Audit.EnteredAtMs), TelemetryColumns.Instant(x.Audit.EffectiveAtMs),
            x.Audit.StatusBefore is { } before ? (SessionStatus)before : null, (SessionStatus)x.Audit.StatusAfter, x.Audit.Change))];
    }

    private static IQueryable<ListingRow> Listings(InfusionSuiteDbContext db) =>
        from s in db.Sessions.AsNoTracking()
        join c in db.Courses on s.CourseKey equals c.CourseKey
        join k in db.Controllers on s.ControllerKey equals k.ControllerKey
        select new ListingRow
        {
            SessionKey = s.SessionKey,
            SessionId = s.SessionId,
            ControllerId = k.ControllerId,
            CourseId = c.CourseId,
            PatientReference = c.PatientReference,
            Status = s.Status,
            StartedAtMs = s.StartedAtMs,
            EndedAtMs = s.EndedAtMs,
        };

    private static SessionListing ToListing(ListingRow r) => new(
        r.SessionId, r.ControllerId, r.CourseId, r.PatientReference, (SessionStatus)r.Status,
        TelemetryColumns.Instant(r.StartedAtMs), r.EndedAtMs is { } ended ? TelemetryColumns.Instant(ended) : null);

    /// <summary>A member-init projection (EF Core filters and sorts on its members in SQL).</summary>
    private sealed class ListingRow
    {
        public int SessionKey { get; init; }

        public required string SessionId { get; init; }

        public required string ControllerId { get; init; }

        public required string CourseId { get; init; }

        public required string PatientReference { get; init; }

        public int Status { get; init; }

        public long StartedAtMs { get; init; }

        public long? EndedAtMs { get; init; }
    }
}
