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

    /// <summary>Keeps the failed sign-in count and lockout; audited when a lockout begins.</summary>
    Task RecordSignInStateAsync(string userId, int failedSignIns, DateTimeOffset? lockedUntil, StaffAuditEntry? audit, CancellationToken cancellationToken);

    /// <summary>Stores a new token's hash for the user. Audited.</summary>
    Task AddTokenAsync(string userId, string tokenHash, DateTimeOffset createdAt, StaffAuditEntry audit, CancellationToken cancellationToken);

    /// <summary>The account owning an unrevoked token with this hash; null otherwise.</summary>
    Task<StaffAccount?> FindByTokenHashAsync(string tokenHash, CancellationToken cancellationToken);

    Task<IReadOnlyList<StaffAuditEntry>> AuditAsync(int limit, CancellationToken cancellationToken);
}
