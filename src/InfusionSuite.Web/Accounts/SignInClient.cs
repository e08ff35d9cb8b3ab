namespace InfusionSuite.Web.Accounts;

/// <summary>
/// The client a sign-in comes from: its address as the server sees it, after the forwarded headers of
/// the site's configured proxies only (so a client cannot choose its own); "local" when there is none (in-process).
/// </summary>
internal static class SignInClient
{
    public static string Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var address = context.Connection.RemoteIpAddress;
        return address is null ? "local" : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
    }
}
