namespace InfusionSuite.Application.Staff;

/// <summary>The store of local accounts and API tokens (tokens are kept only as SHA-256 hashes).</summary>
public interface IStaffAccounts
{
    Task<StaffAccount?> FindByNameAsync(string userName, CancellationToken cancellationToken);

    Task<StaffAccount?> FindByIdAsync(string userId, CancellationToken cancellationToken);

    Task<IReadOnlyList<StaffAccount>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Adds an account; false when the user name is taken. Audited.</summary>
    Task<bool> AddAsync(StaffAccount account, StaffAuditEntry audit, CancellationToken cancellationToken);

    /// <summary>Disables or enables an account and revokes its tokens when disabling; false when unknown. Audited.</summary>
    Task<bool> SetDisabledAsync(string userName, bool disabled, StaffAuditEntry audit, CancellationToken cancellationToken);

    /// <summary>Keeps the failed sign-in count and lockout; audited when a lockout begins. Clearing it (0, null) also ends every client's lockout of the account (an admin's unlock).</summary>
    Task RecordSignInStateAsync(string userId, int failedSignIns, DateTimeOffset? lockedUntil, StaffAuditEntry? audit, CancellationToken cancellationToken);

    /// <summary>When <paramref name="client"/>'s lockout from the account ends; null when that client is not locked out at <paramref name="now"/>.</summary>
    Task<DateTimeOffset?> ClientLockedUntilAsync(string userId, string client, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Counts a failed sign-in of the account from <paramref name="client"/>. The <paramref name="limit"/>-th
    /// failure in a row locks that client (only) out of the account until <paramref name="lockedUntil"/>,
    /// writes <paramref name="lockAudit"/> and shows the lockout on the account; returns true then.
    /// </summary>
    Task<bool> RecordClientFailureAsync(
        string userId, string client, int limit, DateTimeOffset lockedUntil, StaffAuditEntry lockAudit, CancellationToken cancellationToken);

    /// <summary>A successful sign-in from <paramref name="client"/>: its count of failures starts again.</summary>
    Task ClearClientFailuresAsync(string userId, string client, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the account's password hash (an admin's reset), ends every browser sign-in of the account and every
    /// client's lockout of it; false when the user is unknown. Audited.
    /// </summary>
    Task<bool> SetPasswordAsync(string userName, string passwordHash, StaffAuditEntry audit, CancellationToken cancellationToken);

    /// <summary>Revokes every valid API token of the user; the number revoked, or null when the user is unknown. Audited.</summary>
    Task<int?> RevokeTokensAsync(string userName, StaffAuditEntry audit, CancellationToken cancellationToken);

    /// <summary>Stores a new token's hash for the user. Audited.</summary>
    Task AddTokenAsync(string userId, string tokenHash, DateTimeOffset createdAt, StaffAuditEntry audit, CancellationToken cancellationToken);

    /// <summary>The account owning an unrevoked token with this hash; null otherwise.</summary>
    Task<StaffAccount?> FindByTokenHashAsync(string tokenHash, CancellationToken cancellationToken);

    Task<IReadOnlyList<StaffAuditEntry>> AuditAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Every audit row about one of <paramref name="subjects"/> (e.g. <c>outbox item {id}</c>), oldest first.</summary>
    Task<IReadOnlyList<StaffAuditEntry>> AuditAboutAsync(IReadOnlyCollection<string> subjects, CancellationToken cancellationToken);
}
