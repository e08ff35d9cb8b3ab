using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace InfusionSuite.Web.Tests;

/// <summary>
/// Lockouts run on the real clock, whatever the clinical clock (found by a fresh user of issue 16: in the demo, whose
/// clock runs 30× faster, a 15-minute lockout ended after 30 seconds). The kind: what people do at the sign-in form
/// (sign-ins, lockouts) lasts in real time; the record's rows keep the clinical clock.
/// </summary>
public sealed class SignInClockTests : IAsyncLifetime
{
    private readonly TempDatabase _db = new();
    private readonly FakeTimeProvider _clinical = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
    private StationHost _host = null!;

    public async Task InitializeAsync() => _host = await StationHost.StartWithRealSignInClockAsync(StationHost.Settings(_db.Path), _clinical);

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _db.Dispose();
    }

    [Fact(Timeout = 60_000)]
    public async Task ALockout_OutlastsTheClinicalClockRunningAhead_TheAuditRowKeepsTheClinicalTime()
    {
        using var browser = _host.Client(null);
        var token = AccessTests.FormToken(await browser.GetStringAsync("/signin"));
        for (var i = 0; i < 5; i++)
        {
            await AccessTests.SignInAsync(browser, "alice", "wrong guess " + i, token);
        }

        _clinical.Advance(TimeSpan.FromHours(2)); // far past the 15-minute lockout on the clinical clock
        var again = await AccessTests.SignInAsync(browser, "alice", StationHost.Password, token);
        Assert.Equal(HttpStatusCode.Locked, again.StatusCode);
        Assert.Contains("Try again in 15 minutes", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var audit = await _host.Services.GetRequiredService<Application.Staff.IStaffAccounts>().AuditAsync(50, CancellationToken.None);
        var locked = Assert.Single(audit, a => a.Action == "locked-out" && a.Subject == "alice");
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero), locked.At);
    }
}
