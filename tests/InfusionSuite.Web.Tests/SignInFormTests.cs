using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionSuite.Web.Tests;

/// <summary>What the sign-in and sign-out forms refuse: a return address with control characters, a sign-out without the form's token, a cookie kept after sign-out.</summary>
public sealed class SignInFormTests : StationTest
{
    [Theory(Timeout = 30_000)]
    [InlineData("/%01")]
    [InlineData("/board%0D%0ASet-Cookie:x=1")]
    public async Task ReturnUrlWithControlCharacters_Is400NamingIt(string encoded)
    {
        using var browser = Host.Client(null);

        var page = await browser.GetAsync("/signin?returnUrl=" + encoded);
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("returnUrl", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var token = AccessTests.FormToken(await browser.GetStringAsync("/signin"));
        var post = await browser.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "alice",
            ["password"] = StationHost.Password,
            ["returnUrl"] = Uri.UnescapeDataString(encoded),
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Contains("returnUrl", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task SignOut_NeedsTheFormToken()
    {
        using var browser = Host.Client(null);
        var token = AccessTests.FormToken(await browser.GetStringAsync("/signin"));
        Assert.Equal(HttpStatusCode.Redirect, (await AccessTests.SignInAsync(browser, "alice", StationHost.Password, token)).StatusCode);

        var forged = await browser.PostAsync("/signout", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/board")).StatusCode);

        var board = await browser.GetStringAsync("/");
        var signedOut = await browser.PostAsync("/signout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AccessTests.FormToken(board),
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/board")).StatusCode);
    }

    [Fact(Timeout = 30_000)]
    public async Task CookieCopiedBeforeSignOut_IsRefusedAfterIt()
    {
        using var browser = Host.Client(null);
        var token = AccessTests.FormToken(await browser.GetStringAsync("/signin"));
        var signIn = await AccessTests.SignInAsync(browser, "alice", StationHost.Password, token);
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("InfusionSuite.SignIn=", StringComparison.Ordinal)).Split(';')[0];
        using var copy = Host.Client(null);
        copy.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/api/board")).StatusCode);

        var signedOut = await browser.PostAsync("/signout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AccessTests.FormToken(await browser.GetStringAsync("/")),
        }));

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await copy.GetAsync("/api/board")).StatusCode);
    }

    [Fact(Timeout = 30_000)]
    public async Task DisablingAnAccount_EndsItsBrowserSignIns_EnablingItAgainDoesNotBringThemBack()
    {
        await Host.AddUserAsync("dora", Application.Staff.StaffRole.Nurse, "Dora N");
        using var browser = Host.Client(null);
        var token = AccessTests.FormToken(await browser.GetStringAsync("/signin"));
        Assert.Equal(HttpStatusCode.Redirect, (await AccessTests.SignInAsync(browser, "dora", StationHost.Password, token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/board")).StatusCode);

        var accounts = Host.Services.GetRequiredService<Accounts.StaffAccountService>();
        await accounts.SetDisabledAsync("dora", true, "test", CancellationToken.None);
        await accounts.SetDisabledAsync("dora", false, "test", CancellationToken.None);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/board")).StatusCode);
    }

    [Fact(Timeout = 60_000)]
    public async Task BoardStreamOpenAtSignOut_EndsWithinSeconds()
    {
        using var browser = Host.Client(null);
        var token = AccessTests.FormToken(await browser.GetStringAsync("/signin"));
        Assert.Equal(HttpStatusCode.Redirect, (await AccessTests.SignInAsync(browser, "alice", StationHost.Password, token)).StatusCode);
        using var response = await browser.GetAsync("/api/board/stream", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[64 * 1024];
        Assert.True(await stream.ReadAsync(buffer) > 0, "the first board event");

        var signedOut = await browser.PostAsync("/signout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AccessTests.FormToken(await browser.GetStringAsync("/")),
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (await stream.ReadAsync(buffer, limit.Token) > 0)
        {
            // events sent before the stream noticed the sign-out
        }
    }
}
