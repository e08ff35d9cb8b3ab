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
        using var db = new TempDatabase();
        var settings = BrowserStation.SuiteSettings(db.Path);
        var clock = new ScaledTimeProvider(BrowserStation.Scale, BrowserStation.Start);
        var port = FreePort.Next();
        var host = await StationHost.StartKestrelAsync(settings, clock, port);
        try
        {
            using (var nurse = host.Client("alice"))
            {
                var (_, gone) = await nurse.PostAsync("/api/sessions", new StartBody("CHAIR-77", PatientReference: "MRN-77"));
                Assert.Equal(HttpStatusCode.OK, (await nurse.PostAsync($"/api/sessions/{gone.Text("sessionId")}/abort", new { reason = "Other" })).Response.StatusCode);
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

                    await host.DisposeAsync();
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

                    host = await StationHost.StartKestrelAsync(settings, clock, port, restart: true);
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
        finally
        {
            await host.DisposeAsync();
        }
    }
}
