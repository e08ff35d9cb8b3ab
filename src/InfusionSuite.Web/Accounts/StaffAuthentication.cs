using InfusionSuite.Application.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Web.Accounts;

/// <summary>
/// Sign-in cookies for people and bearer tokens for machines, chosen per request; role policies; a
/// fallback policy so that every endpoint needs a signed-in user unless it says otherwise.
/// </summary>
internal static class StaffAuthentication
{
    public const string SchemeName = "Staff";
    public const string AntiforgeryHeader = "X-CSRF-TOKEN";

    public static IServiceCollection AddStaffAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(SchemeName)
            .AddPolicyScheme(SchemeName, "Cookie or API token", o => o.ForwardDefaultSelector = context =>
                ApiTokenHandler.Carries(context.Request) ? ApiTokenHandler.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme);
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<NurseStationOptions>, ISignInSessions>((cookie, station, signIns) =>
            {
                cookie.SessionStore = new SignInTicketStore(signIns); // the cookie carries a key; sign-out ends the sign-in on the server
                cookie.Cookie.Name = "InfusionSuite.SignIn";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.LoginPath = "/signin";
                cookie.LogoutPath = "/signout";
                cookie.AccessDeniedPath = "/forbidden";
                cookie.ExpireTimeSpan = station.Value.SignInLifetime;
                cookie.TimeProvider = TimeProvider.System; // a sign-in lasts on the real clock, whatever the clinical one (the demo's runs 30× faster)
                cookie.SlidingExpiration = true;
                cookie.Events = new CookieAuthenticationEvents
                {
                    OnRedirectToLogin = context => ApiStatusOrRedirect(context, StatusCodes.Status401Unauthorized),
                    OnRedirectToAccessDenied = context => ApiStatusOrRedirect(context, StatusCodes.Status403Forbidden),
                    OnValidatePrincipal = ValidateAsync,
                };
            });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(StaffRoles.RunSessionsPolicy, p => p.RequireRole(StaffRoles.Nurse))
            .AddPolicy(StaffRoles.PatientDataPolicy, p => p.RequireRole(StaffRoles.Nurse, StaffRoles.Admin))
            .AddPolicy(StaffRoles.DevicesPolicy, p => p.RequireRole(StaffRoles.Nurse, StaffRoles.Engineer, StaffRoles.Admin))
            .AddPolicy(StaffRoles.AdminPolicy, p => p.RequireRole(StaffRoles.Admin));
        services.AddAntiforgery(o =>
        {
            o.HeaderName = AntiforgeryHeader;
            o.Cookie.Name = "InfusionSuite.Antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        return services;
    }

    /// <summary>API callers get a status; pages get the sign-in or access-denied page.</summary>
    private static Task ApiStatusOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/openapi"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>A disabled or deleted account is signed out at its next request, and a changed role takes effect.</summary>
    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var accounts = context.HttpContext.RequestServices.GetRequiredService<IStaffAccounts>();
        var userId = context.Principal?.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        var account = userId is null ? null : await accounts.FindByIdAsync(userId, context.HttpContext.RequestAborted);
        if (account is null || account.Disabled)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        if (!context.Principal!.IsInRole(StaffClaims.RoleName(account.Role)))
        {
            context.ReplacePrincipal(StaffClaims.Principal(account, CookieAuthenticationDefaults.AuthenticationScheme));
            context.ShouldRenew = true;
        }
    }
}
