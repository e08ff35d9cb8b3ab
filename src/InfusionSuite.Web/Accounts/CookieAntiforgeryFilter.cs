using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace InfusionSuite.Web.Accounts;

/// <summary>
/// Antiforgery for API calls a browser makes with its sign-in cookie: a POST must carry the page's
/// token in the <c>X-CSRF-TOKEN</c> header. Token-authenticated machine clients send no cookie and are not checked.
/// </summary>
internal sealed class CookieAntiforgeryFilter(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var method = http.Request.Method;
        if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) && !HttpMethods.IsOptions(method)
            && http.User.Identity?.AuthenticationType == CookieAuthenticationDefaults.AuthenticationScheme)
        {
            try
            {
                await antiforgery.ValidateRequestAsync(http);
            }
            catch (AntiforgeryValidationException)
            {
                return TypedResults.Problem(
                    "The page's antiforgery token is missing or out of date: reload the page and try again.",
                    statusCode: StatusCodes.Status400BadRequest,
                    title: "Antiforgery token missing or invalid");
            }
        }

        return await next(context);
    }
}
