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

    public static bool Carries(HttpRequest request) => TokenOf(request) is not null;

    /// <summary>The token of an <c>Authorization: Bearer …</c> header; null without one.</summary>
    public static string? TokenOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) ? header[Prefix.Length..].Trim() : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (TokenOf(Request) is not { } token)
        {
            return AuthenticateResult.NoResult();
        }

        var account = await accounts.FindByTokenAsync(token, Context.RequestAborted);
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
