using System.Security.Claims;
using InfusionSuite.Application.Staff;

namespace InfusionSuite.Web.Accounts;

/// <summary>
/// Whether the sign-in behind a long request (the board's event stream) still holds: a browser sign-in that was
/// signed out or ended with its account (<see cref="ISignInSessions"/>), or an API token revoked, of a disabled
/// user or of a client locked out, ends the stream, so it stops sending patient data at once (issue 19).
/// </summary>
internal sealed class SignInCheck(ISignInSessions signIns, StaffAccountService accounts)
{
    /// <summary>The claim a stored browser sign-in carries: the key its cookie holds (see <see cref="SignInTicketStore"/>).</summary>
    public const string SignInKeyClaim = "infusionsuite:sign-in";

    public async Task<bool> StillValidAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (ApiTokenHandler.TokenOf(context.Request) is { } token)
        {
            var account = await accounts.FindByTokenAsync(token, cancellationToken);
            return account is not null && !await accounts.IsLockedOutAsync(account, SignInClient.Of(context), cancellationToken);
        }

        var key = context.User.FindFirstValue(SignInKeyClaim);
        return key is not null && await signIns.FindAsync(key, TimeProvider.System.GetUtcNow(), cancellationToken) is not null;
    }
}
