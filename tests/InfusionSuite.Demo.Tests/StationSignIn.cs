using System.Net;
using System.Text.RegularExpressions;

namespace InfusionSuite.Demo.Tests;

/// <summary>Signs in through the nurse station's form, as a browser does (antiforgery field, cookie).</summary>
internal static partial class StationSignIn
{
    public static async Task<HttpClient> SignedInAsync(Uri baseAddress, string userName, string password)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = baseAddress };
        var form = await client.GetStringAsync(new Uri("/signin", UriKind.Relative));
        var hidden = HiddenField().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        hidden["userName"] = userName;
        hidden["password"] = password;
        using var response = await client.PostAsync(new Uri("/signin", UriKind.Relative), new FormUrlEncodedContent(hidden));
        Assert.True(response.IsSuccessStatusCode, $"sign-in as {userName}: {(int)response.StatusCode}");
        return client;
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"\\s*/?>")]
    private static partial Regex HiddenField();
}
