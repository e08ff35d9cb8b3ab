using System.Security.Claims;
using InfusionSuite.Application.Configuration;
using InfusionSuite.Web.Accounts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Web.Pages;

/// <summary>
/// What every page's frame shows: the title, who is signed in (null: nobody), the antiforgery token for its forms and
/// scripts, and the site's time zone (<c>Billing:SiteTimeZone</c>) in which every time is written.
/// </summary>
public sealed record PageChrome(string Title, string? UserName, string? Role, bool IsAdmin, string FormFieldName, string RequestToken, TimeZoneInfo SiteZone)
{
    /// <summary>Whether the user sees patient data (nurses and admins): the course list is in the nav for them.</summary>
    public bool SeesPatients { get; init; }

    /// <summary>An instant as the site's clock showed it, to the second.</summary>
    public string Time(DateTimeOffset at) => PageText.Time(at, SiteZone);

    internal static PageChrome Of(HttpContext context, string title)
    {
        var user = context.User;
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        var signedIn = user.Identity?.IsAuthenticated == true;
        return new PageChrome(
            title,
            signedIn ? user.DisplayNameOf() : null,
            signedIn ? user.FindFirstValue(ClaimTypes.Role) : null,
            signedIn && user.IsAdmin(),
            tokens.FormFieldName,
            tokens.RequestToken ?? string.Empty,
            SiteZoneOf(context.RequestServices))
        {
            SeesPatients = signedIn && user.SeesPatients(),
        };
    }

    internal static TimeZoneInfo SiteZoneOf(IServiceProvider services) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(services.GetRequiredService<IOptions<BillingOptions>>().Value.SiteTimeZone, out var zone)
            ? zone
            : TimeZoneInfo.Utc;
}
