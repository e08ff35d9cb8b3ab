using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using InfusionSuite.Domain.Controllers;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InfusionSuite.Web.Tests.Browser;

/// <summary>
/// A suite of twelve chairs at a glance, on a tablet, a desktop and a phone: every card without scrolling on the
/// tablet and desktop, the urgency strip in order (alarms, ready for infusion, remove cap, chairs gone offline),
/// overtime after a target, times in the site's zone, and no sideways scrolling on the phone. Writes
/// docs/images/board-tablet.png, alarm-strip.png and offline-alarm.png.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BoardAtAGlanceBrowserTests(BrowserStation station)
{
    [Fact(Timeout = 120_000)]
    public async Task TwelveChairs_FitTheTabletAndDesktop_WithTheStripOrderedByUrgency_AndNoSidewaysScrollOnAPhone()
    {
        await using var ready = new HandChair(station, "CHAIR-08");
        await using var flowLow = new HandChair(station, "CHAIR-09");
        await using var silent = new HandChair(station, "CHAIR-10");
        await using var overtime = new HandChair(station, "CHAIR-11");
        await using var idle = new HandChair(station, "CHAIR-12");
        await SetUpTheSuiteAsync(ready, flowLow, silent, overtime, idle);

        foreach (var (name, size) in BrowserStation.Viewports)
        {
            var page = await station.NewPageAsync(size);
            try
            {
                await page.SignInAsync("alice");
                var strip = page.Locator("#strip-items > li[data-kind]");
                var offline = strip.Filter(new() { HasText = "Chair 12" });
                await Expect(offline).ToHaveAttributeAsync("data-kind", "offline", new() { Timeout = 20_000 });
                await Expect(offline).ToContainTextAsync("offline");
                var kinds = await strip.EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.kind)");
                string[] urgency = ["alarm", "not-cooling", "ready", "remove-cap", "offline"];
                Assert.Equal(kinds.OrderBy(k => Array.IndexOf(urgency, k)), kinds); // other tests' chairs may be on the strip too: the order holds over all
                Assert.Equal("offline", kinds[^1]);
                Assert.Equal(
                    ["Chair 9: ⚠ Coolant flow low", "Chair 10: ⚠ Controller offline", "Chair 8: Ready for infusion", "Chair 11: Remove cap"],
                    (await strip.AllTextContentsAsync()).Where(t => Regex.IsMatch(t, "^Chair (8|9|10|11):")));

                var cards = page.Locator("article.chair");
                await Expect(cards).ToHaveCountAsync(12);
                Assert.Equal(Enumerable.Range(1, 12).Select(n => "CHAIR-" + n.ToString("00", CultureInfo.InvariantCulture)), await cards.EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.controller)"));
                await Expect(page.Chair("CHAIR-10")).ToContainTextAsync("Controller offline");
                var cutNames = await cards.EvaluateAllAsync<string[]>(
                    "cards => cards.map(c => c.querySelector('.chair-label')).filter(l => l.scrollWidth > l.clientWidth + 1 || l.clientWidth < 40).map(l => l.textContent)");
                Assert.True(cutNames.Length == 0, $"{name}: chair names cut short: {string.Join(", ", cutNames)}");
                if (name != "phone")
                {
                    var cutWords = await Pages.CutAlarmsAndPromptsAsync(page);
                    Assert.True(cutWords.Length == 0, $"{name}: alarms or prompts cut on {string.Join(", ", cutWords)}");
                    await Expect(page.Chair("CHAIR-11").Locator(".prompt.remove")).ToHaveAttributeAsync("title", "Post-cooling complete: remove cap");
                }
                await Expect(page.Chair("CHAIR-11").Locator(".countdown .time")).ToHaveTextAsync(new Regex(@"^\+\d+:\d\d(:\d\d)?$"));
                await Expect(page.Chair("CHAIR-11").Locator(".countdown .caption")).ToContainTextAsync("over the post-cooling target (20 min): cap not removed"); // says what is overdue

                Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), name + ": the page scrolls sideways");
                if (name != "phone")
                {
                    var bottom = await cards.EvaluateAllAsync<double>("cards => Math.max(...cards.map(c => c.getBoundingClientRect().bottom))");
                    Assert.True(bottom <= size.Height, $"{name}: the last card ends at {bottom} px, below the {size.Height} px screen");
                    foreach (var card in await cards.AllAsync())
                    {
                        var box = (await card.BoundingBoxAsync())!;
                        Assert.True(box.Height >= 48, $"{name}: a card is only {box.Height} px high");
                    }

                    await AssertTouchTargetsAsync(page.Locator("#board button:visible, #board a.button:visible, #strip-items :is(a, button):visible, #sound-toggle"), name);
                }

                var sound = page.Locator("#sound-toggle");
                await Expect(sound).ToHaveTextAsync("Sound off"); // off by default on each device
                await Expect(sound).ToHaveAttributeAsync("aria-pressed", "false");
                await sound.ClickAsync();
                await Expect(sound).ToHaveTextAsync("Sound on");
                await page.ReloadAsync();
                await Expect(page.Locator("#sound-toggle")).ToHaveAttributeAsync("aria-pressed", "true"); // remembered in this browser
                await page.Locator("#sound-toggle").ClickAsync();

                if (name == "tablet")
                {
                    await page.ScreenshotAsync(new() { Path = Pages.Screenshot("board-tablet.png") });
                    await page.Locator(".strip").ScreenshotAsync(new() { Path = Pages.Screenshot("alarm-strip.png") });
                    await AssertSiteTimeAsync(page);
                    await page.Chair("CHAIR-10").GetByRole(AriaRole.Link, new() { Name = "Session page" }).ClickAsync();
                    await Expect(page.Locator("#live .alarm-item")).ToContainTextAsync("Controller offline");
                    await Expect(page.Locator("#live .temps")).ToContainTextAsync("(last known)");
                    await page.ScreenshotAsync(new() { Path = Pages.Screenshot("offline-alarm.png") });
                }

                if (name == "phone")
                {
                    await page.Chair("CHAIR-11").GetByRole(AriaRole.Link, new() { Name = "Session page" }).ClickAsync();
                    await Expect(page.Locator("#session-title")).ToContainTextAsync("Chair 11");
                    await Expect(page.Locator("#audit tbody tr")).Not.ToHaveCountAsync(0);
                    Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the session page scrolls sideways on a phone");
                }
            }
            catch
            {
                await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), $"infusionsuite-glance-{name}.png"), FullPage = true });
                throw;
            }
            finally
            {
                await page.Context.CloseAsync();
            }

            await AssertTheEngineersViewAsync(name, size);
        }
    }

    /// <summary>An engineer sees each chair's controller (model, firmware, boot, hello, last sample, state, link) and its readings on its card, with or without a session, and the session's page; no patient.</summary>
    private async Task AssertTheEngineersViewAsync(string name, ViewportSize size)
    {
        var engineer = await station.NewPageAsync(size);
        try
        {
            await engineer.SignInAsync("eve");
            await Expect(engineer.Chair("CHAIR-08").Locator(".controller")).ToContainTextAsync("CoolCap C3 · firmware 4.2.1 · boot ");
            await Expect(engineer.Chair("CHAIR-08").Locator(".controller")).ToContainTextAsync("last sample");
            await Expect(engineer.Chair("CHAIR-12").Locator(".controller")).ToContainTextAsync("CoolCap C3 · firmware 4.2.1 · boot ");
            await Expect(engineer.Chair("CHAIR-12").Locator(".controller")).ToContainTextAsync(new Regex(@"hello \d\d:\d\d .*last sample \d\d:\d\d .*state COOLING · via MQTT"));
            await Expect(engineer.Chair("CHAIR-12").Locator(".temps")).ToContainTextAsync("−4.5 °C"); // no session: its live readings all the same
            Assert.DoesNotContain("Pat CHAIR-08", await engineer.ContentAsync(), StringComparison.Ordinal);
            Assert.True(await engineer.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), name + ": the engineer's board scrolls sideways");

            // The chair's name leads to its page: the controller in full, nothing cut, without a session.
            await engineer.Chair("CHAIR-12").Locator(".chair-label a").ClickAsync();
            await Expect(engineer).ToHaveURLAsync(new Regex("/chairs/CHAIR-12$"));
            var facts = engineer.Locator("#controller-facts");
            await Expect(facts).ToContainTextAsync("CoolCap C3");
            await Expect(facts).ToContainTextAsync("4.2.1");
            await Expect(facts).ToContainTextAsync(new Regex(@"Clock offset\s*(on time \(0 s\)|(\d+ min )?\d+ s (fast|slow) \([+−]\d+ s: (ahead of|behind) the server\))")); // ClockOffsetWords
            await Expect(facts).ToContainTextAsync("MQTT");
            await Expect(engineer.Locator("#live article.chair .temps")).ToContainTextAsync("−4.5 °C");
            var cut = await engineer.Locator("#controller-facts dd").EvaluateAllAsync<string[]>("dds => dds.filter(d => d.scrollWidth > d.clientWidth + 1).map(d => d.textContent)");
            Assert.True(cut.Length == 0, $"{name}: the chair page cuts {string.Join(", ", cut)}");
            Assert.True(await engineer.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), name + ": the chair page scrolls sideways");
            if (name == "tablet")
            {
                await engineer.ScreenshotAsync(new() { Path = Pages.Screenshot("chair-page.png"), FullPage = true });
            }

            await engineer.GotoAsync("/chairs/NO-SUCH-CHAIR");
            await Expect(engineer.Locator("#chair-missing")).ToContainTextAsync("Chair NO-SUCH-CHAIR is not on the board now");
            await engineer.GotoAsync("/");
            if (name == "tablet")
            {
                await engineer.Chair("CHAIR-08").GetByRole(AriaRole.Link, new() { Name = "Session page" }).ClickAsync();
                await Expect(engineer.Locator("#live .controller")).ToBeVisibleAsync();
                await Expect(engineer.Locator("#live .controller")).ToContainTextAsync("CoolCap C3");
                await engineer.ScreenshotAsync(new() { Path = Pages.Screenshot("engineer-chair.png") });
            }
        }
        catch
        {
            await engineer.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), $"infusionsuite-engineer-{name}.png"), FullPage = true });
            throw;
        }
        finally
        {
            await engineer.Context.CloseAsync();
        }
    }

    /// <summary>
    /// Chair 8 ready for infusion (pre-cooling target passed, coolant at setpoint), chair 9 with a flow alarm, chair 10's
    /// controller gone during its session, chair 11 past its post-cooling target, chair 12's controller gone with no session.
    /// </summary>
    private async Task SetUpTheSuiteAsync(HandChair ready, HandChair flowLow, HandChair silent, HandChair overtime, HandChair idle)
    {
        using var nurse = station.Host.Client("alice");
        var now = station.Clock.GetUtcNow();
        foreach (var chair in new[] { ready, flowLow, silent, overtime, idle })
        {
            await chair.HelloAsync();
            await chair.KeepTalkingAsync(-4.5m);
        }

        await Eventually.HoldsAsync(() => Online(nurse, "CHAIR-12"), TimeSpan.FromSeconds(20), "the hand-driven controllers to be online");
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (chair, started) in new[] { ("CHAIR-08", 45), ("CHAIR-09", 45), ("CHAIR-10", 45), ("CHAIR-11", 200) })
        {
            var (response, body) = await nurse.PostAsync("/api/sessions", new StartBody(chair, PatientReference: "MRN-" + chair, PatientName: "Pat " + chair, PreCoolingMinutes: 20, PostCoolingMinutes: 20, EffectiveAt: now.AddMinutes(-started)));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            ids[chair] = body.Text("sessionId")!;
            await Accepted(nurse.PostAsync($"/api/sessions/{ids[chair]}/cap-placed", new { effectiveAt = now.AddMinutes(-started + 5) }));
        }

        await Accepted(nurse.PostAsync($"/api/sessions/{ids["CHAIR-11"]}/infusion-started", new { effectiveAt = now.AddMinutes(-160) }));
        await Accepted(nurse.PostAsync($"/api/sessions/{ids["CHAIR-11"]}/infusion-ended", new { effectiveAt = now.AddMinutes(-120) }));
        await ready.EventAsync(ControllerEventKind.Setpoint, "-5.0");
        await ready.KeepTalkingAsync(-5.0m);
        await flowLow.KeepTalkingAsync(-4.0m, ControllerAlarms.FlowLow);
        await silent.DropAsync();
        await idle.DropAsync();
    }

    private static async Task Accepted(Task<(HttpResponseMessage Response, System.Text.Json.JsonElement Body)> call)
    {
        var (response, body) = await call;
        Assert.True(response.IsSuccessStatusCode, body.ToString());
    }

    private static bool Online(HttpClient client, string controllerId)
    {
        var (_, body) = client.GetJsonAsync("/api/controllers").GetAwaiter().GetResult();
        return body.EnumerateArray().Any(c => c.GetProperty("controllerId").GetString() == controllerId && c.GetProperty("online").GetBoolean());
    }

    /// <summary>The session list writes its start times on the site's clock, as the API's instants converted to the site's zone.</summary>
    private async Task AssertSiteTimeAsync(IPage page)
    {
        await Expect(page.Locator("#site-zone")).ToHaveTextAsync(BrowserStation.SiteZone);
        using var nurse = station.Host.Client("alice");
        var (_, rows) = await nurse.GetJsonAsync("/api/sessions");
        var zone = TimeZoneInfo.FindSystemTimeZoneById(BrowserStation.SiteZone);
        var row = rows.EnumerateArray().First(r => r.GetProperty("controllerId").GetString() == "CHAIR-11");
        var local = TimeZoneInfo.ConvertTime(row.GetProperty("startedAt").GetDateTimeOffset(), zone).ToString("HH:mm", CultureInfo.InvariantCulture);
        await Expect(page.Locator("#recent tr", new() { HasText = "Pat CHAIR-11" })).ToContainTextAsync(local);
    }

    /// <summary>Every target at least 48 × 48 px, measured in one go (the live board redraws).</summary>
    private static async Task AssertTouchTargetsAsync(ILocator targets, string viewport)
    {
        var small = await targets.EvaluateAllAsync<string[]>(
            "nodes => nodes.map(n => [n.textContent.trim(), n.getBoundingClientRect()])"
            + ".filter(([, r]) => r.width < 48 || r.height < 48).map(([t, r]) => t + ' is ' + r.width + '×' + r.height + ' px')");
        Assert.True(small.Length == 0, viewport + ": " + string.Join("; ", small));
    }
}
