using InfusionSuite.Application.Staff;
using InfusionSuite.Storage.Schema;
using Microsoft.EntityFrameworkCore;

namespace InfusionSuite.Storage.Sqlite;

/// <summary>Local accounts, API token hashes and the staff audit on EF Core (each change and its audit row in one SaveChanges).</summary>
internal sealed class SqliteStaffAccounts(IDbContextFactory<InfusionSuiteDbContext> contexts) : IStaffAccounts
{
    public async Task<StaffAccount?> FindByNameAsync(string userName, CancellationToken cancellationToken)
    {
        var name = Normalise(userName);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == name, cancellationToken);
        return row is null ? null : ToAccount(row);
    }

    public async Task<StaffAccount?> FindByIdAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserId == userId, cancellationToken);
        return row is null ? null : ToAccount(row);
    }

    public async Task<IReadOnlyList<StaffAccount>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        return [.. rows.Select(ToAccount)];
    }

    public async Task<bool> AddAsync(StaffAccount account, StaffAuditEntry audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var name = Normalise(account.UserName);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Users.AnyAsync(u => u.UserName == name, cancellationToken))
        {
            return false;
        }

        db.Users.Add(new UserRow
        {
            UserId = account.UserId,
            UserName = name,
            DisplayName = account.DisplayName,
            Role = (int)account.Role,
            PasswordHash = account.PasswordHash,
            Disabled = account.Disabled,
            PractitionerId = account.PractitionerId,
            CreatedAtMs = TelemetryColumns.Ms(audit.At),
        });
        db.StaffAudit.Add(ToRow(audit));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<bool> SetDisabledAsync(string userName, bool disabled, StaffAuditEntry audit, CancellationToken cancellationToken)
    {
        var name = Normalise(userName);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Users.FirstOrDefaultAsync(u => u.UserName == name, cancellationToken);
        if (row is null)
        {
            return false;
        }

        row.Disabled = disabled;
        if (disabled)
        {
            await RevokeTokensAsync(db, row.UserKey, audit.At, cancellationToken);
            db.SignIns.RemoveRange(db.SignIns.Where(s => s.UserKey == row.UserKey)); // every browser sign-in of the account ends with it
        }

        db.StaffAudit.Add(ToRow(audit));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task RecordSignInStateAsync(string userId, int failedSignIns, DateTimeOffset? lockedUntil, StaffAuditEntry? audit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Users.FirstOrDefaultAsync(u => u.UserId == userId, cancellationToken);
        if (row is null)
        {
            return;
        }

        row.FailedSignIns = failedSignIns;
        row.LockedUntilMs = lockedUntil is { } until ? TelemetryColumns.Ms(until) : null;
        if (failedSignIns == 0 && lockedUntil is null)
        {
            db.SignInFailures.RemoveRange(db.SignInFailures.Where(f => f.UserKey == row.UserKey));
        }

        if (audit is not null)
        {
            db.StaffAudit.Add(ToRow(audit));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<bool> SetPasswordAsync(string userName, string passwordHash, StaffAuditEntry audit, CancellationToken cancellationToken)
    {
        var name = Normalise(userName);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Users.FirstOrDefaultAsync(u => u.UserName == name, cancellationToken);
        if (row is null)
        {
            return false;
        }

        row.PasswordHash = passwordHash;
        row.FailedSignIns = 0;
        row.LockedUntilMs = null;
        db.SignIns.RemoveRange(db.SignIns.Where(s => s.UserKey == row.UserKey));
        db.SignInFailures.RemoveRange(db.SignInFailures.Where(f => f.UserKey == row.UserKey));
        db.StaffAudit.Add(ToRow(audit));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<int?> RevokeTokensAsync(string userName, StaffAuditEntry audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audit);
        var name = Normalise(userName);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Users.FirstOrDefaultAsync(u => u.UserName == name, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var revoked = await RevokeTokensAsync(db, row.UserKey, audit.At, cancellationToken);
        db.StaffAudit.Add(ToRow(audit with { Detail = revoked + " token(s) revoked" }));
        await db.SaveChangesAsync(cancellationToken);
        return revoked;
    }

    public async Task<DateTimeOffset?> ClientLockedUntilAsync(string userId, string client, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var nowMs = TelemetryColumns.Ms(now);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var until = await db.SignInFailures.AsNoTracking()
            .Where(f => f.Client == client && f.LockedUntilMs > nowMs)
            .Join(db.Users.Where(u => u.UserId == userId), f => f.UserKey, u => u.UserKey, (f, _) => f.LockedUntilMs)
            .FirstOrDefaultAsync(cancellationToken);
        return until is { } ms ? TelemetryColumns.Instant(ms) : null;
    }

    public async Task<bool> RecordClientFailureAsync(
        string userId, string client, int limit, DateTimeOffset lockedUntil, StaffAuditEntry lockAudit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lockAudit);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = await db.Users.FirstOrDefaultAsync(u => u.UserId == userId, cancellationToken);
        if (user is null)
        {
            return false;
        }

        var row = await db.SignInFailures.FirstOrDefaultAsync(f => f.UserKey == user.UserKey && f.Client == client, cancellationToken);
        if (row is null)
        {
            row = new SignInFailureRow { UserKey = user.UserKey, Client = client };
            db.SignInFailures.Add(row);
        }

        row.Failed++;
        var locks = row.Failed >= limit;
        if (locks)
        {
            row.Failed = 0;
            row.LockedUntilMs = TelemetryColumns.Ms(lockedUntil);
            user.LockedUntilMs = Math.Max(user.LockedUntilMs ?? 0, row.LockedUntilMs.Value); // shown on the account: "locked out on a device until …"
            db.StaffAudit.Add(ToRow(lockAudit));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return locks;
    }

    public async Task ClearClientFailuresAsync(string userId, string client, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.SignInFailures
            .Where(f => f.Client == client && db.Users.Any(u => u.UserKey == f.UserKey && u.UserId == userId))
            .ExecuteDeleteAsync(cancellationToken);
    }

    public async Task AddTokenAsync(string userId, string tokenHash, DateTimeOffset createdAt, StaffAuditEntry audit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var userKey = await db.Users.Where(u => u.UserId == userId).Select(u => u.UserKey).SingleAsync(cancellationToken);
        db.ApiTokens.Add(new ApiTokenRow { TokenHash = tokenHash, UserKey = userKey, CreatedAtMs = TelemetryColumns.Ms(createdAt) });
        db.StaffAudit.Add(ToRow(audit));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<StaffAccount?> FindByTokenHashAsync(string tokenHash, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.ApiTokens.AsNoTracking()
            .Where(t => t.TokenHash == tokenHash && t.RevokedAtMs == null)
            .Join(db.Users, t => t.UserKey, u => u.UserKey, (_, u) => u)
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : ToAccount(row);
    }

    public async Task<IReadOnlyList<StaffAuditEntry>> AuditAsync(int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.StaffAudit.AsNoTracking().OrderByDescending(a => a.AuditKey).Take(limit).ToListAsync(cancellationToken);
        return [.. rows.Select(a => new StaffAuditEntry(TelemetryColumns.Instant(a.AtMs), a.Actor, a.Action, a.Subject, a.Detail))];
    }

    public async Task<IReadOnlyList<StaffAuditEntry>> AuditAboutAsync(IReadOnlyCollection<string> subjects, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        if (subjects.Count == 0)
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.StaffAudit.AsNoTracking().Where(a => subjects.Contains(a.Subject)).OrderBy(a => a.AuditKey).ToListAsync(cancellationToken);
        return [.. rows.Select(a => new StaffAuditEntry(TelemetryColumns.Instant(a.AtMs), a.Actor, a.Action, a.Subject, a.Detail))];
    }

    /// <summary>Marks every valid token of the user revoked at <paramref name="at"/> (saved with the caller's changes); how many.</summary>
    private static async Task<int> RevokeTokensAsync(InfusionSuiteDbContext db, int userKey, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var revoked = 0;
        await foreach (var token in db.ApiTokens.Where(t => t.UserKey == userKey && t.RevokedAtMs == null).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            token.RevokedAtMs = TelemetryColumns.Ms(at);
            revoked++;
        }

        return revoked;
    }

    private static string Normalise(string userName) => userName.Trim().ToLowerInvariant();

    internal static StaffAuditRow ToRow(StaffAuditEntry audit) => new()
    {
        AtMs = TelemetryColumns.Ms(audit.At),
        Actor = audit.Actor,
        Action = audit.Action,
        Subject = audit.Subject,
        Detail = audit.Detail,
    };

    private static StaffAccount ToAccount(UserRow row) => new(
        row.UserId,
        row.UserName,
        row.DisplayName,
        (StaffRole)row.Role,
        row.PasswordHash,
        row.FailedSignIns,
        row.LockedUntilMs is { } ms ? TelemetryColumns.Instant(ms) : null,
        row.Disabled,
        row.PractitionerId);
}
