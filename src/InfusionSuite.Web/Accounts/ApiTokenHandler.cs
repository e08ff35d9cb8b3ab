using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Web.Accounts;

/// <summary>
/// <c>Authorization: Bearer isk_…</c> for machine clients: the token's SHA-256 is looked up; a revoked
/// token, a disabled user or a client locked out of the account is refused. No cookie, so no antiforgery token is needed.
/// </summary>
internal sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, StaffAccountService accounts)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    private const string Prefix = "Bearer ";

    public static bool Carries(HttpRequest request) => request.Headers.Authorization.ToString().StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var account = await accounts.FindByTokenAsync(header[Prefix.Length..].Trim(), Context.RequestAborted);
        if (account is null)
        {
            return AuthenticateResult.Fail("The token is not valid.");
        }

        // A client locked out of the account after failed sign-ins may not use the account's tokens either.
        return await accounts.IsLockedOutAsync(account, SignInClient.Of(Context), Context.RequestAborted)
            ? AuthenticateResult.Fail("The account is locked out on this client.")
            : AuthenticateResult.Success(new AuthenticationTicket(StaffClaims.Principal(account, SchemeName), SchemeName));
    }
}
