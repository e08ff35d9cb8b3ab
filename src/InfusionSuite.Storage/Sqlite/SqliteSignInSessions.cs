using InfusionSuite.Application.Staff;
using InfusionSuite.Storage.Schema;
using Microsoft.EntityFrameworkCore;

namespace InfusionSuite.Storage.Sqlite;

/// <summary>Browser sign-ins held on the server (table <c>sign_ins</c>), on either engine.</summary>
internal sealed class SqliteSignInSessions(IDbContextFactory<InfusionSuiteDbContext> contexts) : ISignInSessions
{
    public async Task AddAsync(string key, string userId, ReadOnlyMemory<byte> ticket, DateTimeOffset createdAt, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var userKey = await db.Users.Where(u => u.UserId == userId).Select(u => u.UserKey).SingleAsync(cancellationToken);
        db.SignIns.Add(new SignInRow
        {
            Key = key,
            UserKey = userKey,
            Ticket = ticket.ToArray(),
            CreatedAtMs = TelemetryColumns.Ms(createdAt),
            ExpiresAtMs = expiresAt is { } at ? TelemetryColumns.Ms(at) : null,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RenewAsync(string key, ReadOnlyMemory<byte> ticket, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.SignIns.FirstOrDefaultAsync(s => s.Key == key, cancellationToken);
        if (row is null)
        {
            return;
        }

        row.Ticket = ticket.ToArray();
        row.ExpiresAtMs = expiresAt is { } at ? TelemetryColumns.Ms(at) : null;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<byte[]?> FindAsync(string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var nowMs = TelemetryColumns.Ms(now);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.SignIns.AsNoTracking()
            .Where(s => s.Key == key && (s.ExpiresAtMs == null || s.ExpiresAtMs > nowMs))
            .Select(s => s.Ticket)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task RemoveAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.SignIns.Where(s => s.Key == key).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var nowMs = TelemetryColumns.Ms(now);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.SignIns.Where(s => s.ExpiresAtMs != null && s.ExpiresAtMs <= nowMs).ExecuteDeleteAsync(cancellationToken);
    }
}
