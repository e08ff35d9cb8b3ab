using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InfusionSuite.Web.Pages;

/// <summary>
/// A page as a Razor component rendered on the server (static rendering: no circuit and no Blazor script),
/// given its frame's chrome (title, who is signed in, the antiforgery token) besides its own parameters.
/// Razor encodes every value it writes.
/// </summary>
internal static class StationPage
{
    public static RazorComponentResult<TPage> Render<TPage>(
        HttpContext context, string title, IReadOnlyDictionary<string, object?>? parameters = null, int status = StatusCodes.Status200OK)
        where TPage : IComponent
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal) { [nameof(PageFrame.Chrome)] = PageChrome.Of(context, title) };
        foreach (var (name, value) in parameters ?? new Dictionary<string, object?>())
        {
            values[name] = value;
        }

        return new RazorComponentResult<TPage>(values) { StatusCode = status, ContentType = "text/html; charset=utf-8" };
    }
}
