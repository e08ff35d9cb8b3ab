using System.Security.Claims;
using InfusionSuite.Web.Accounts;
using Microsoft.AspNetCore.Antiforgery;

namespace InfusionSuite.Web.Pages;

/// <summary>What every page's frame shows: the title, who is signed in (null: nobody), and the antiforgery token for its forms and scripts.</summary>
public sealed record PageChrome(string Title, string? UserName, string? Role, bool IsAdmin, string FormFieldName, string RequestToken)
{
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
            tokens.RequestToken ?? string.Empty);
    }
}
