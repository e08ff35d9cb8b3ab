using System.Net;
using System.Text.RegularExpressions;
using InfusionSuite.Application.Staff;
using InfusionSuite.Web.Accounts;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionSuite.Web.Tests;

/// <summary>Who may do what: sign-in, tokens, roles, antiforgery, lockout, disabled users, the audit.</summary>
public sealed partial class AccessTests : StationTest
{
    [Fact(Timeout = 30_000)]
    public async Task WithoutSignIn_OnlyHealthAnswers_PagesRedirectAndApiSays401()
    {
        using var anonymous = Host.Client(null);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/signin")).StatusCode);
        foreach (var api in new[] { "/api/board", "/api/board/stream", "/api/sessions", "/api/choices", "/api/controllers", "/api/audit", "/openapi/v1.json" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(api)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/sessions", new StartBody("CHAIR-01"))).Response.StatusCode);
        var page = await anonymous.GetAsync("/sessions/x");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/signin", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        using var forged = Host.Client(null);
        forged.DefaultRequestHeaders.Authorization = new("Bearer", "isk_" + new string('0', 64));
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/api/board")).StatusCode);
    }

    [Fact(Timeout = 30_000)]
    public async Task StaticModules_AreServedWithoutSignIn_WithAnETagAndTheContentSecurityPolicy()
    {
        using var anonymous = Host.Client(null);
        foreach (var (path, type) in new[] { ("/static/site.css", "text/css"), ("/static/board.js", "text/javascript"), ("/static/api.js", "text/javascript") })
        {
            var response = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
            Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            var etag = response.Headers.ETag;
            Assert.NotNull(etag);

            using var again = new HttpRequestMessage(HttpMethod.Get, path);
            again.Headers.IfNoneMatch.Add(etag);
            Assert.Equal(HttpStatusCode.NotModified, (await anonymous.SendAsync(again)).StatusCode);
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task TheIcon_IsServedWithoutSignIn_AndTheBrowsersDefaultAddressLeadsToIt()
    {
        using var anonymous = Host.Client(null);
        var icon = await anonymous.GetAsync("/static/favicon.svg");
        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType!.MediaType);
        var asked = await anonymous.GetAsync("/favicon.ico");
        Assert.Equal(HttpStatusCode.MovedPermanently, asked.StatusCode);
        Assert.Equal("/static/favicon.svg", asked.Headers.Location!.OriginalString);
        Assert.Contains("<link rel=\"icon\" href=\"/static/favicon.svg\"", await anonymous.GetStringAsync("/signin"), StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task OpenApiDocument_DescribesTheActions()
    {
        using var nurse = Host.Client("alice");
        var (response, document) = await nurse.GetJsonAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var path in new[] { "/api/sessions", "/api/sessions/{id}/infusion-started", "/api/sessions/{id}/abort", "/api/sessions/{id}/telemetry", "/api/board", "/api/audit" })
        {
            Assert.Contains(path, paths);
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task Engineer_SeesDevicesButNoPatient_AndCannotAct()
    {
        using var nurse = Host.Client("alice");
        var (_, started) = await nurse.PostAsync("/api/sessions", new StartBody("CHAIR-01", PatientReference: "MRN-SECRET-77", PatientName: "Secret Person"));
        var id = started.Text("sessionId")!;
        using var engineer = Host.Client("eve");

        var board = await engineer.GetStringAsync("/api/board");
        var page = await engineer.GetStringAsync("/api/sessions/" + id);
        var list = await engineer.GetStringAsync("/api/sessions");
        foreach (var text in new[] { board, page, list })
        {
            Assert.DoesNotContain("MRN-SECRET-77", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Secret Person", text, StringComparison.Ordinal);
            Assert.DoesNotContain("ma-2001", text, StringComparison.Ordinal);
        }

        Assert.Contains("CHAIR-01", board, StringComparison.Ordinal);
        Assert.Contains("\"audit\":null", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await engineer.GetAsync("/api/controllers")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await engineer.GetAsync($"/api/sessions/{id}/telemetry")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await engineer.PostAsync("/api/sessions", new StartBody("CHAIR-09"))).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await engineer.PostAsync($"/api/sessions/{id}/abort", new { reason = "Other" })).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await engineer.GetAsync("/api/audit")).StatusCode);
        Assert.Contains("MRN-SECRET-77", await nurse.GetStringAsync("/api/board"), StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task Admin_ReadsTheAudit_NurseDoesNot_AndTheAuditCannotBeChanged()
    {
        using var nurse = Host.Client("alice");
        var (_, started) = await nurse.PostAsync("/api/sessions", new StartBody("CHAIR-01"));
        using var admin = Host.Client("ada");

        Assert.Equal(HttpStatusCode.Forbidden, (await nurse.GetAsync("/api/audit")).StatusCode);
        var (response, audit) = await admin.GetJsonAsync("/api/audit");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = Assert.Single(audit.GetProperty("nurseActions").EnumerateArray());
        Assert.Equal("Alice Nurse", row.Text("by"));
        Assert.Equal(started.Text("sessionId"), row.Text("sessionId"));
        Assert.Contains(audit.GetProperty("accounts").EnumerateArray(), a => a.Text("action") == "user-added" && a.Text("subject") == "alice");
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsync("/api/sessions", new StartBody("CHAIR-02"))).Response.StatusCode);
        foreach (var method in new[] { HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch })
        {
            Assert.Equal(HttpStatusCode.MethodNotAllowed, (await admin.SendAsync(new HttpRequestMessage(method, "/api/audit"))).StatusCode);
        }

        await using var connection = new SqliteConnection($"Data Source={Db.Path};Pooling=False");
        await connection.OpenAsync();
        foreach (var sql in new[] { "UPDATE staff_audit SET detail = 'x'", "DELETE FROM staff_audit", "DELETE FROM nurse_audit" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync());
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task CookieSignIn_NeedsTheFormToken_AndApiPostsNeedTheHeaderToken()
    {
        Host.ExpectErrors("Invalid anti-forgery token"); // the missing form token, as the developer exception page logs it
        using var browser = Host.Client(null);
        var form = await browser.GetStringAsync("/signin");
        Assert.Equal(HttpStatusCode.BadRequest, (await SignInAsync(browser, "alice", StationHost.Password, token: null)).StatusCode);
        var wrong = await SignInAsync(browser, "alice", "not the password", FormToken(form));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("Wrong user name or password.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var signedIn = await SignInAsync(browser, "alice", StationHost.Password, FormToken(form));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var board = await browser.GetStringAsync("/");
        Assert.Contains("Alice Nurse", board, StringComparison.Ordinal);

        var withoutHeader = await browser.PostAsync("/api/sessions", new StartBody("CHAIR-01"));
        Assert.Equal(HttpStatusCode.BadRequest, withoutHeader.Response.StatusCode);
        Assert.Equal("Antiforgery token missing or invalid", withoutHeader.Body.Text("title"));
        browser.DefaultRequestHeaders.Add("X-CSRF-TOKEN", MetaToken(board));
        Assert.Equal(HttpStatusCode.Created, (await browser.PostAsync("/api/sessions", new StartBody("CHAIR-01"))).Response.StatusCode);
    }

    [Fact(Timeout = 30_000)]
    public async Task FiveFailedSignIns_LockTheAccountForFifteenMinutes()
    {
        using var browser = Host.Client(null);
        var token = FormToken(await browser.GetStringAsync("/signin"));
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(browser, "alice", "guess " + i, token)).StatusCode);
        }

        var fifth = await SignInAsync(browser, "alice", "guess 5", token);
        Assert.Equal((HttpStatusCode)423, fifth.StatusCode);
        var locked = await SignInAsync(browser, "alice", StationHost.Password, token);
        Assert.Equal((HttpStatusCode)423, locked.StatusCode);
        Assert.Contains("locked", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(browser, "alice", StationHost.Password, token)).StatusCode);
        var audit = await Host.Services.GetRequiredService<IStaffAccounts>().AuditAsync(10, CancellationToken.None);
        Assert.Contains(audit, a => a.Action == "locked-out" && a.Subject == "alice");
    }

    [Fact(Timeout = 30_000)]
    public async Task DisabledUser_LosesTokenAndSignIn()
    {
        using var robot = Host.Client("alice");
        Assert.Equal(HttpStatusCode.OK, (await robot.GetAsync("/api/board")).StatusCode);
        using var browser = Host.Client(null);
        var token = FormToken(await browser.GetStringAsync("/signin"));
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(browser, "alice", StationHost.Password, token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/board")).StatusCode);

        Assert.True(await Host.Services.GetRequiredService<StaffAccountService>().SetDisabledAsync("alice", true, "test", CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, (await robot.GetAsync("/api/board")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/board")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(browser, "alice", StationHost.Password, FormToken(await browser.GetStringAsync("/signin")))).StatusCode);
    }

    [Fact(Timeout = 30_000)]
    public async Task SignIn_LastsOnTheRealClock_WhateverTheClinicalClock()
    {
        using var browser = Host.Client(null);
        var token = FormToken(await browser.GetStringAsync("/signin"));
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(browser, "alice", StationHost.Password, token)).StatusCode);
        Clock.Advance(TimeSpan.FromDays(2)); // the demo's clinical clock runs 30× faster: a sign-in must not expire with it
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/me")).StatusCode);
    }

    [Fact(Timeout = 30_000)]
    public async Task StaffText_IsEncodedInPages()
    {
        var service = Host.Services.GetRequiredService<StaffAccountService>();
        await service.AddAsync("mallory", "<script>alert(1)</script>", StaffRole.Admin, StationHost.Password, null, "test", CancellationToken.None);
        using var browser = Host.Client(null);
        var token = FormToken(await browser.GetStringAsync("/signin?returnUrl=%22%3E%3Cscript%3E"));
        await SignInAsync(browser, "mallory", StationHost.Password, token);

        foreach (var page in new[] { "/", "/users", "/audit" })
        {
            var response = await browser.GetAsync(page);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
            Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task UnknownAndKnownNames_AnswerAlike_AndLockAlike()
    {
        using var browser = Host.Client(null);
        var token = FormToken(await browser.GetStringAsync("/signin"));
        foreach (var name in new[] { "alice", "nobody-here" })
        {
            var answers = new List<(HttpStatusCode Status, string Error)>();
            for (var i = 0; i < 6; i++)
            {
                var response = await SignInAsync(browser, name, "guess " + i, token);
                answers.Add((response.StatusCode, ErrorText().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value));
            }

            Assert.Equal(
                [HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, (HttpStatusCode)423, (HttpStatusCode)423],
                answers.Select(a => a.Status));
            Assert.Equal("Wrong user name or password.", answers[0].Error);
            Assert.StartsWith("This account is locked on this device after repeated failed sign-ins. Try again in 15 minutes", answers[5].Error, StringComparison.Ordinal);
        }

        var (code, output, _) = await UnlockAsync("alice");
        Assert.Equal(0, code);
        Assert.Equal("Unlocked alice.", output.Trim());
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(browser, "alice", StationHost.Password, token)).StatusCode);
        var audit = await Host.Services.GetRequiredService<IStaffAccounts>().AuditAsync(10, CancellationToken.None);
        Assert.Contains(audit, a => a.Action == "user-unlocked" && a.Subject == "alice" && a.Actor == $"command-line ({Environment.UserName})");
    }

    private async Task<(int Code, string Output, string Error)> UnlockAsync(string name)
    {
        using var input = new StringReader(string.Empty);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await InfusionSuite.Host.Commands.HostCommandLine.InvokeAsync(
            ["users", "unlock", "--name", name, "--Storage:DatabasePath=" + Db.Path, "--Logging:LogLevel:Default=Warning"],
            new InfusionSuite.Host.Commands.CommandConsole(input, output, error));
        return (code, output.ToString(), error.ToString());
    }

    [GeneratedRegex("<p class=\"error\" role=\"alert\">([^<]*)</p>")]
    private static partial Regex ErrorText();

    internal static Task<HttpResponseMessage> SignInAsync(HttpClient client, string user, string password, string? token)
    {
        var fields = new Dictionary<string, string> { ["userName"] = user, ["password"] = password, ["returnUrl"] = "/" };
        if (token is not null)
        {
            fields["__RequestVerificationToken"] = token;
        }

        return client.PostAsync("/signin", new FormUrlEncodedContent(fields));
    }

    internal static string FormToken(string html) => WebUtility.HtmlDecode(FormTokenPattern().Match(html).Groups[1].Value);

    private static string MetaToken(string html) => WebUtility.HtmlDecode(MetaTokenPattern().Match(html).Groups[1].Value);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex FormTokenPattern();

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\"\\s*/?>")]
    private static partial Regex MetaTokenPattern();
}
