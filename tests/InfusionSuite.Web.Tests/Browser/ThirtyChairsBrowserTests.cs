using System.Globalization;
using System.Net;
using InfusionSuite.Simulator.Running;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InfusionSuite.Web.Tests.Browser;

/// <summary>
/// The largest suite the station is made for (issue 16: 10–30 chairs), on its own host: thirty configured chairs,
/// twenty-four of them in a session (pre-cooling, infusing, post-cooling past its target), six free. Every card fits
/// the tablets (1024×768 and the trial's 1280×800) and the desktop without scrolling and keeps its phase and countdown
/// readable, every button inside its card (a free chair's "Start session" too) on every screen; the phone scrolls down,
/// never sideways. Writes docs/images/board-thirty-chairs.png.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ThirtyChairsBrowserTests(BrowserStation station)
{
    private const int Chairs = 30;

    [Fact(Timeout = 180_000)]
    public async Task ThirtyChairs_EveryCardFitsTheTabletAndDesktop_WithItsPhaseAndCountdown_AndThePhoneNeverScrollsSideways()
    {
        using var db = new TempDatabase();
        var settings = BrowserStation.SuiteSettings(db.Path);
        for (var n = 13; n <= Chairs; n++)
        {
            settings[FormattableString.Invariant($"NurseStation:Chairs:CHAIR-{n:00}")] = FormattableString.Invariant($"Chair {n}");
        }

        var clock = new ScaledTimeProvider(BrowserStation.Scale, BrowserStation.Start);
        await using var host = await StationHost.StartKestrelAsync(settings, clock);
        await StartTheDayAsync(host, clock);

        foreach (var (name, size) in BrowserStation.ViewportsAndTheTrialsTablet)
        {
            var page = await station.NewPageAsync(size, host.BaseAddress);
            try
            {
                await page.SignInAsync("alice");
                var cards = page.Locator("article.chair");
                await Expect(cards).ToHaveCountAsync(Chairs);
                Assert.Equal(
                    Enumerable.Range(1, Chairs).Select(n => "CHAIR-" + n.ToString("00", CultureInfo.InvariantCulture)),
                    await cards.EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.controller)"));
                await Expect(page.Chair("CHAIR-01").Locator(".countdown .time")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\+?\d+:\d\d(:\d\d)?$")); // the scaled clock may pass the target
                await Expect(page.Chair("CHAIR-17").Locator(".countdown .time")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\+\d+:\d\d(:\d\d)?$"));
                Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), name + ": the board scrolls sideways");
                var outside = await page.EvaluateAsync<string[]>(BoardFitBrowserTests.OutsideTheirCardsScript); // a free chair's "Start session" too
                Assert.True(outside.Length == 0, $"{name}: controls outside their card: {string.Join("; ", outside.Take(8))}");
                if (name != "phone")
                {
                    var bottom = await cards.EvaluateAllAsync<double>("cards => Math.max(...cards.map(c => c.getBoundingClientRect().bottom))");
                    Assert.True(bottom <= size.Height, $"{name}: the last of {Chairs} cards ends at {bottom} px, below the {size.Height} px screen");
                    var unreadable = await cards.EvaluateAllAsync<string[]>(
                        "cards => cards.filter(c => !c.querySelector('.countdown').hidden).map(c => [c.dataset.controller, c.querySelector('.countdown'), c.querySelector('.chair-label')])"
                        + ".filter(([, t, l]) => { const a = t.getBoundingClientRect(), b = l.getBoundingClientRect();"
                        + " return a.height < 12 || t.scrollWidth > t.clientWidth + 1 || !(a.bottom <= b.top || b.bottom <= a.top || a.right <= b.left || b.right <= a.left); })"
                        + ".map(([id]) => id)");
                    Assert.True(unreadable.Length == 0, $"{name}: the countdown is cut or covers the chair's name on {string.Join(", ", unreadable)}");
                    var cutNames = await cards.EvaluateAllAsync<string[]>(
                        "cards => cards.map(c => c.querySelector('.chair-label')).filter(l => l.scrollWidth > l.clientWidth + 1 || l.scrollHeight > l.clientHeight + 1 || l.getBoundingClientRect().right > l.closest('article').getBoundingClientRect().right).map(l => l.textContent)");
                    Assert.True(cutNames.Length == 0, $"{name}: chair names cut short: {string.Join(", ", cutNames)}");
                    // Every alarm on a card says what it is in words, whole: not "⚠ C…" beside the countdown.
                    Assert.True(await page.Locator("article.chair .alarm-item").CountAsync() >= 8, name + ": the chairs whose controllers were never heard show the offline alarm");
                    var cutWords = await Pages.CutAlarmsAndPromptsAsync(page);
                    Assert.True(cutWords.Length == 0, $"{name}: alarms or prompts cut or under the countdown on {string.Join(", ", cutWords)}");
                    await Expect(page.Chair("CHAIR-17").Locator(".alarm-item")).ToHaveAttributeAsync("title", "Controller offline: no data from the chair (temperatures are the last known)");
                    Assert.True(
                        await cards.EvaluateAllAsync<int>("cards => cards.filter(c => !c.querySelector('.countdown').hidden).length") >= 16,
                        name + ": the pre- and post-cooling chairs count down");
                }

                if (name == "tablet")
                {
                    await page.ScreenshotAsync(new() { Path = Pages.Screenshot("board-thirty-chairs.png") });
                }
            }
            catch
            {
                await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), $"infusionsuite-thirty-{size.Width}.png"), FullPage = true });
                throw;
            }
            finally
            {
                await page.Context.CloseAsync();
            }
        }
    }

    /// <summary>Chairs 1–8 pre-cooling, 9–16 infusing, 17–24 post-cooling past a 20 min target, 25–30 free.</summary>
    private static async Task StartTheDayAsync(StationHost host, TimeProvider clock)
    {
        using var nurse = host.Client("alice");
        var now = clock.GetUtcNow();
        for (var n = 1; n <= 24; n++)
        {
            var chair = FormattableString.Invariant($"CHAIR-{n:00}");
            var (response, body) = await nurse.PostAsync("/api/sessions", new StartBody(
                chair, PatientReference: "MRN-" + chair, PatientName: "Pat " + chair, PreCoolingMinutes: 30, PostCoolingMinutes: 20, EffectiveAt: now.AddMinutes(-200)));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var id = body.Text("sessionId")!;
            var steps = n switch
            {
                <= 8 => new[] { ("cap-placed", 5) },
                <= 16 => [("cap-placed", 195), ("infusion-started", 160)],
                _ => [("cap-placed", 195), ("infusion-started", 160), ("infusion-ended", 100)],
            };
            foreach (var (step, minutesAgo) in steps)
            {
                var (stepped, answer) = await nurse.PostAsync($"/api/sessions/{id}/{step}", new { effectiveAt = now.AddMinutes(-minutesAgo) });
                Assert.True(stepped.IsSuccessStatusCode, chair + " " + step + ": " + answer);
            }
        }
    }
}
