using System.Security.Claims;
using System.Security.Cryptography;
using InfusionSuite.Application.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace InfusionSuite.Web.Accounts;

/// <summary>
/// ASP.NET Core's server-side session store for the sign-in cookie: the cookie holds a random key
/// (32 bytes, base64url), the ticket lives in <see cref="ISignInSessions"/>. Sign-out removes it, so a
/// copy of the cookie taken before is refused afterwards. Sign-ins last on the real clock, like the
/// cookie itself (<see cref="TimeProvider.System"/>: the demo's clinical clock runs faster).
/// </summary>
internal sealed class SignInTicketStore(ISignInSessions sessions) : ITicketStore
{
    private static readonly TimeProvider s_clock = TimeProvider.System;

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var userId = ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("A sign-in ticket without the user's id cannot be stored.");
        var key = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        if (ticket.Principal.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == SignInCheck.SignInKeyClaim))
        {
            identity.AddClaim(new Claim(SignInCheck.SignInKeyClaim, key)); // long requests check their sign-in by it (SignInCheck)
        }

        var now = s_clock.GetUtcNow();
        await sessions.PurgeExpiredAsync(now, CancellationToken.None);
        await sessions.AddAsync(key, userId, TicketSerializer.Default.Serialize(ticket), now, ticket.Properties.ExpiresUtc, CancellationToken.None);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return sessions.RenewAsync(key, TicketSerializer.Default.Serialize(ticket), ticket.Properties.ExpiresUtc, CancellationToken.None);
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        var stored = await sessions.FindAsync(key, s_clock.GetUtcNow(), CancellationToken.None);
        return stored is null ? null : TicketSerializer.Default.Deserialize(stored);
    }

    public Task RemoveAsync(string key) => sessions.RemoveAsync(key, CancellationToken.None);
}
