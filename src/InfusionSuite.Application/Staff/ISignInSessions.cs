namespace InfusionSuite.Application.Staff;

/// <summary>
/// The server's record of each browser sign-in: the cookie carries only the key, so signing out (or an
/// account being disabled) ends the sign-in on the server and a copied cookie stops working
/// (issue 19, "Sign-out invalidates the session on the server").
/// </summary>
public interface ISignInSessions
{
    /// <summary>Stores a new sign-in of <paramref name="userId"/> under <paramref name="key"/>.</summary>
    Task AddAsync(string key, string userId, ReadOnlyMemory<byte> ticket, DateTimeOffset createdAt, DateTimeOffset? expiresAt, CancellationToken cancellationToken);

    /// <summary>Replaces the stored ticket of a sign-in (sliding expiry, a changed role); nothing when it has ended.</summary>
    Task RenewAsync(string key, ReadOnlyMemory<byte> ticket, DateTimeOffset? expiresAt, CancellationToken cancellationToken);

    /// <summary>The stored ticket of a sign-in that has not ended nor expired at <paramref name="now"/>; null otherwise.</summary>
    Task<byte[]?> FindAsync(string key, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Ends one sign-in (sign-out). Nothing when it has already ended.</summary>
    Task RemoveAsync(string key, CancellationToken cancellationToken);

    /// <summary>Forgets sign-ins that expired before <paramref name="now"/>; returns how many.</summary>
    Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
