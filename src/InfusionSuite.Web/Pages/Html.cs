using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using InfusionSuite.Web.Accounts;
using Microsoft.AspNetCore.Antiforgery;

namespace InfusionSuite.Web.Pages;

/// <summary>
/// The page layout. Every value that staff or devices typed goes through <see cref="E"/> (HTML-encoded);
/// the pages run no inline script (the Content-Security-Policy forbids it), only the static modules.
/// </summary>
internal static class Html
{
    public static string E(string? text) => HtmlEncoder.Default.Encode(text ?? string.Empty);

    public static IResult Page(HttpContext context, string title, string body, string? script = null, int status = StatusCodes.Status200OK)
    {
        var user = context.User;
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        var page = new StringBuilder(4096);
        page.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(E(title)).Append(" · InfusionSuite</title>")
            .Append("<link rel=\"stylesheet\" href=\"/static/site.css\">")
            .Append("<meta name=\"csrf-token\" content=\"").Append(E(tokens.RequestToken)).Append("\">")
            .Append("</head><body>")
            .Append("<a class=\"skip\" href=\"#main\">Skip to content</a>")
            .Append("<header class=\"topbar\"><a class=\"brand\" href=\"/\">InfusionSuite</a>");
        if (user.Identity?.IsAuthenticated == true)
        {
            page.Append("<nav aria-label=\"Main\"><a href=\"/\">Chair board</a>");
            if (user.IsAdmin())
            {
                page.Append("<a href=\"/audit\">Audit</a><a href=\"/users\">Users</a>");
            }

            page.Append("</nav><div class=\"who\"><span class=\"user\">").Append(E(user.DisplayNameOf())).Append("</span>")
                .Append("<span class=\"role\">").Append(E(user.FindFirstValue(ClaimTypes.Role))).Append("</span>")
                .Append("<form method=\"post\" action=\"/signout\">").Append(Antiforgery(tokens))
                .Append("<button type=\"submit\" class=\"quiet\">Sign out</button></form></div>");
        }

        page.Append("</header><main id=\"main\" tabindex=\"-1\">").Append(body).Append("</main>");
        if (script is not null)
        {
            page.Append("<script type=\"module\" src=\"/static/").Append(E(script)).Append("\"></script>");
        }

        page.Append("</body></html>");
        return Results.Content(page.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>The hidden antiforgery field every form carries.</summary>
    public static string Antiforgery(AntiforgeryTokenSet tokens) =>
        "<input type=\"hidden\" name=\"" + E(tokens.FormFieldName) + "\" value=\"" + E(tokens.RequestToken) + "\">";

    public static string Antiforgery(HttpContext context) =>
        Antiforgery(context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context));
}
