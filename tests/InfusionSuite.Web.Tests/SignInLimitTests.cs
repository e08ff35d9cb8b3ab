using System.Net;
using InfusionSuite.Application.Staff;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace InfusionSuite.Web.Tests;

/// <summary>
/// Sign-in limits through real Kestrel behind a trusted proxy (loopback), each client named by
/// X-Forwarded-For: repeated failures lock out only the client that made them, whose API tokens follow
/// the lock; a client may try at most the shipped number of times a minute.
/// </summary>
public sealed class SignInLimitTests : IAsyncLifetime
{
    private const string Nurse = "10.20.0.7";
    private const string Guesser = "10.20.0.66";
    private readonly TempDatabase _db = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
    private StationHost _host = null!;

    public async Task InitializeAsync()
    {
        var settings = StationHost.Settings(_db.Path);
        settings.Remove("NurseStation:SignInAttemptsPerMinute"); // the shipped limit
        settings["ReverseProxy:KnownProxies:0"] = "127.0.0.1";
        _host = await StationHost.StartKestrelAsync(settings, _clock);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _db.Dispose();
    }

    [Fact(Timeout = 60_000)]
    public async Task FailuresFromOneClient_LockOutThatClientOnly_ItsTokensFollow_AnAdminUnlockEndsIt()
    {
        using var guesser = Client(Guesser);
        var token = AccessTests.FormToken(await guesser.GetStringAsync("/signin"));
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            answers.Add((await AccessTests.SignInAsync(guesser, "alice", "guess " + i, token)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, (HttpStatusCode)423], answers);
        Assert.Equal((HttpStatusCode)423, (await AccessTests.SignInAsync(guesser, "alice", StationHost.Password, token)).StatusCode);

        using var nurse = Client(Nurse);
        Assert.Equal(HttpStatusCode.Redirect, (await AccessTests.SignInAsync(nurse, "alice", StationHost.Password, AccessTests.FormToken(await nurse.GetStringAsync("/signin")))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await nurse.GetAsync("/api/board")).StatusCode);

        using var lockedRobot = Client(Guesser, _host.Tokens["alice"]);
        using var robot = Client(Nurse, _host.Tokens["alice"]);
        Assert.Equal(HttpStatusCode.Unauthorized, (await lockedRobot.GetAsync("/api/board")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await robot.GetAsync("/api/board")).StatusCode);
        var audit = await _host.Services.GetRequiredService<IStaffAccounts>().AuditAsync(20, CancellationToken.None);
        var locked = Assert.Single(audit, a => a.Action == "locked-out" && a.Subject == "alice" && a.Detail.Contains(Guesser, StringComparison.Ordinal));
        Assert.Contains("locked out of the account for 15 min", locked.Detail, StringComparison.Ordinal); // no raw UTC instant in what the audit page shows
        Assert.DoesNotMatch(@"\d{4}-\d\d-\d\dT", locked.Detail);

        Assert.True(await _host.Services.GetRequiredService<Accounts.StaffAccountService>().UnlockAsync("alice", "admin", CancellationToken.None));
        Assert.Equal(HttpStatusCode.OK, (await lockedRobot.GetAsync("/api/board")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AccessTests.SignInAsync(guesser, "alice", StationHost.Password, token)).StatusCode);
    }

    [Fact(Timeout = 60_000)]
    public async Task MoreThanTenAttemptsAMinuteFromOneClient_Are429WithRetryAfterAndTheFormSayingSo_OtherClientsGoOn()
    {
        using var guesser = Client(Guesser);
        var token = AccessTests.FormToken(await guesser.GetStringAsync("/signin"));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            var name = "nobody-" + i; // different names: the per-account lockout is not what stops these
            var response = await AccessTests.SignInAsync(guesser, name, "guess", token);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var retryAfter = int.Parse(Assert.Single(response.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
                Assert.InRange(retryAfter, 1, 60);
                var page = await response.Content.ReadAsStringAsync();
                Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType); // the form again for the person at the browser, not a bare 429
                Assert.Contains($"Too many sign-in attempts from this device. Wait {retryAfter} second", page, StringComparison.Ordinal);
                Assert.Contains("name=\"password\"", page, StringComparison.Ordinal);
            }
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 10), HttpStatusCode.TooManyRequests], statuses);
        using var nurse = Client(Nurse);
        Assert.Equal(HttpStatusCode.Redirect, (await AccessTests.SignInAsync(nurse, "alice", StationHost.Password, AccessTests.FormToken(await nurse.GetStringAsync("/signin")))).StatusCode);
    }

    private HttpClient Client(string forwardedFor, string? bearer = null)
    {
        var client = _host.Client(null);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        }

        return client;
    }
}
