using System.Net;
using System.Text.RegularExpressions;
using InfusionSuite.Simulator.Running;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InfusionSuite.Web.Tests.Browser;

/// <summary>
/// On its own host, which the test stops and starts again on the same port: while the server is gone the board
/// says so instead of looking live (every card grey, countdowns stopped, since when, in site time); once it is back
/// the board is live again, and a chair heard of only before the restart is still on it. Writes
/// docs/images/board-connection-lost.png.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ConnectionLostBrowserTests(BrowserStation station)
{
    [Fact(Timeout = 180_000)]
    public async Task ServerGone_GreysEveryCard_StopsTheCountdowns_SaysSinceWhen_AndTheBoardComesBackWithEveryChair()
    {
        await using var server = await StoppableStation.StartAsync();
        var host = server.Host;
        using (var nurse = host.Client("alice"))
        {
            var (_, gone) = await nurse.PostAsync("/api/sessions", new StartBody("CHAIR-77", PatientReference: "MRN-77"));
            Assert.Equal(HttpStatusCode.OK, (await nurse.PostAsync($"/api/sessions/{gone.Text("sessionId")}/abort", new { reason = "Other", details = "test: session not needed" })).Response.StatusCode);
            var (_, running) = await nurse.PostAsync("/api/sessions", new StartBody("CHAIR-02", PatientReference: "MRN-02", PostCoolingMinutes: 90, PreCoolingMinutes: 180));
            Assert.Equal(HttpStatusCode.OK, (await nurse.PostAsync($"/api/sessions/{running.Text("sessionId")}/cap-placed", new { })).Response.StatusCode);
        }

        foreach (var (name, size) in BrowserStation.Viewports)
        {
            var page = await station.NewPageAsync(size, host.BaseAddress);
            try
            {
                await page.SignInAsync("alice");
                var connection = page.Locator("#connection");
                await Expect(connection).ToHaveTextAsync(new Regex("^Live"));
                await Expect(page.Chair("CHAIR-02").Locator(".countdown .time")).ToHaveTextAsync(new Regex(@"^\d+:\d\d(:\d\d)?$"));

                await server.StopAsync();
                await Expect(connection).ToContainTextAsync("Connection to the server lost since", new() { Timeout = 15_000 });
                await Expect(connection).ToContainTextAsync(new Regex(@"since \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(site time\)"));
                await Expect(page.Locator("body")).ToHaveClassAsync(new Regex("stale"));
                Assert.True(
                    await page.Locator("article.chair").EvaluateAllAsync<bool>("cards => cards.length >= 12 && cards.every(c => getComputedStyle(c).filter.includes('grayscale'))"),
                    name + ": a card still looks live");
                await Expect(page.Locator("article.chair .link.online")).ToHaveCountAsync(0);
                var cutNames = await page.Locator("article.chair .chair-label").EvaluateAllAsync<string[]>(
                    "labels => labels.filter(l => l.textContent.length <= 8 && (l.scrollWidth > l.clientWidth + 1 || l.clientWidth < 40)).map(l => l.textContent)");
                Assert.True(cutNames.Length == 0, $"{name}: chair names cut short while the connection is lost: {string.Join(", ", cutNames)}");
                await Expect(page.Chair("CHAIR-02").Locator(".countdown .time")).ToHaveTextAsync("––:––");
                await Expect(page.Chair("CHAIR-02").Locator(".countdown .caption")).ToContainTextAsync("stopped: no data since");
                if (name == "tablet")
                {
                    await page.ScreenshotAsync(new() { Path = Pages.Screenshot("board-connection-lost.png") });
                }

                await server.RestartAsync();
                await Expect(connection).ToHaveTextAsync(new Regex("^Live"), new() { Timeout = 30_000 });
                await Expect(page.Locator("body")).Not.ToHaveClassAsync(new Regex("stale"));
                await Expect(page.Chair("CHAIR-77")).ToContainTextAsync("Offline");
                await Expect(page.Chair("CHAIR-02").Locator(".countdown .time")).ToHaveTextAsync(new Regex(@"^\d+:\d\d(:\d\d)?$"));
            }
            catch
            {
                await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), $"infusionsuite-lost-{name}.png"), FullPage = true });
                throw;
            }
            finally
            {
                await page.Context.CloseAsync();
            }
        }
    }

    /// <summary>The session page too: while the server is gone it says so (greyed card, stopped countdown, since when), then comes back.</summary>
    [Fact(Timeout = 120_000)]
    public async Task ServerGone_TheSessionPageSaysSo_StopsItsCountdown_AndComesBack()
    {
        await using var server = await StoppableStation.StartAsync();
        var host = server.Host;
        string sessionId;
        using (var nurse = host.Client("alice"))
        {
            var (_, running) = await nurse.PostAsync("/api/sessions", new StartBody("CHAIR-02", PatientReference: "MRN-02", PostCoolingMinutes: 90, PreCoolingMinutes: 180));
            sessionId = running.Text("sessionId")!;
            Assert.Equal(HttpStatusCode.OK, (await nurse.PostAsync($"/api/sessions/{sessionId}/cap-placed", new { })).Response.StatusCode);
        }

        var page = await station.NewPageAsync(BrowserStation.Viewports[0].Size, host.BaseAddress);
        try
        {
            await page.SignInAsync("alice");
            await page.GotoAsync("/sessions/" + sessionId);
            var connection = page.Locator("#connection");
            await Expect(connection).ToHaveTextAsync(new Regex("^Live"));
            var countdown = page.Locator("#live article.chair .countdown .time");
            await Expect(countdown).ToHaveTextAsync(new Regex(@"^\d+:\d\d(:\d\d)?$"));

            await server.StopAsync();
            await Expect(connection).ToContainTextAsync("Connection to the server lost since", new() { Timeout = 20_000 });
            await Expect(page.Locator("body")).ToHaveClassAsync(new Regex("stale"));
            Assert.True(await page.Locator("#live article.chair").EvaluateAsync<bool>("c => getComputedStyle(c).filter.includes('grayscale')"), "the session's card still looks live");
            await Expect(countdown).ToHaveTextAsync("––:––");
            await Expect(page.Locator("#live article.chair .link.online")).ToHaveCountAsync(0);

            await server.RestartAsync();
            await Expect(connection).ToHaveTextAsync(new Regex("^Live"), new() { Timeout = 30_000 });
            await Expect(page.Locator("body")).Not.ToHaveClassAsync(new Regex("stale"));
            await Expect(countdown).ToHaveTextAsync(new Regex(@"^\d+:\d\d(:\d\d)?$"));
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>
    /// A stream the server refuses (503 while the database is away, as a node answers then; a proxy's 502) closes the browser's
    /// EventSource for good: the page opens it again and is live once the stream is served (issue 18 trial: after a PostgreSQL
    /// outage every board stayed "lost" until someone reloaded it).
    /// </summary>
    [Fact(Timeout = 120_000)]
    public async Task StreamRefusedWith503_ThePageAsksAgain_AndIsLiveOnceTheStreamIsServed()
    {
        await using var server = await StoppableStation.StartAsync();
        var page = await station.NewPageAsync(BrowserStation.Viewports[0].Size, server.Host.BaseAddress);
        try
        {
            await page.SignInAsync("alice");
            var connection = page.Locator("#connection");
            await Expect(connection).ToHaveTextAsync(new Regex("^Live"));

            var refused = 0;
            await page.RouteAsync("**/api/board/stream", async route =>
            {
                Interlocked.Increment(ref refused);
                await route.FulfillAsync(new() { Status = 503, ContentType = "application/problem+json", Body = "{\"title\":\"The records are not reachable just now\"}" });
            });
            await server.StopAsync(); // the open stream breaks; each new one is refused
            await Expect(connection).ToContainTextAsync("Connection to the server lost since", new() { Timeout = 15_000 });
            await server.RestartAsync();
            await Eventually.HoldsAsync(() => Volatile.Read(ref refused) >= 2, TimeSpan.FromSeconds(30), "the page asking again after a refusal");

            await page.UnrouteAsync("**/api/board/stream");
            await Expect(connection).ToHaveTextAsync(new Regex("^Live"), new() { Timeout = 30_000 });
            await Expect(page.Locator("body")).Not.ToHaveClassAsync(new Regex("stale"));
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>A station on its own SQLite file and port, on the browser tests' scaled clock, that a test stops and starts again.</summary>
    private sealed class StoppableStation : IAsyncDisposable
    {
        private readonly TempDatabase _db = new();
        private readonly ScaledTimeProvider _clock = new(BrowserStation.Scale, BrowserStation.Start);
        private readonly int _port = FreePort.Next();
        private Dictionary<string, string?> _settings = null!;

        public StationHost Host { get; private set; } = null!;

        public static async Task<StoppableStation> StartAsync()
        {
            var station = new StoppableStation();
            station._settings = BrowserStation.SuiteSettings(station._db.Path);
            // CHAIR-77 is not configured and its controller is never heard: its aborted session keeps it on the board across the
            // restart (issue 16). On this test's ×200 clock an hour passes in seconds, so the kept time is a week here.
            station._settings["NurseStation:UnconfiguredChairKeptFor"] = "7.00:00:00";
            station.Host = await StationHost.StartKestrelAsync(station._settings, station._clock, station._port);
            return station;
        }

        public ValueTask StopAsync() => Host.DisposeAsync();

        public async Task<StationHost> RestartAsync() => Host = await StationHost.StartKestrelAsync(_settings, _clock, _port, restart: true);

        public async ValueTask DisposeAsync()
        {
            await Host.DisposeAsync();
            _db.Dispose();
        }
    }
}
