using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InfusionSuite.Web.Tests.Browser;

/// <summary>
/// The strip never hides what needs a nurse without saying so: with 24 chairs ready for infusion (or 24 alarms) it
/// shows what fits, whole, and "+N more" for exactly the rest (naming alarms among them), and that opens the whole
/// list; on the trial's 1280×800 tablet and on every screen the station is used on. The board's stream is replaced
/// in the page by the server's own board view grown to 24 chairs, as in <see cref="BoardFitBrowserTests"/>.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StripBrowserTests(BrowserStation station)
{
    private const int Chairs = 24;

    [Theory(Timeout = 120_000)]
    [InlineData("ready")]
    [InlineData("alarm")]
    public async Task TwentyFourChairsNeedANurse_TheStripShowsWhatFitsWhole_AndCountsTheRestInAMoreThatOpensThemAll(string kind)
    {
        foreach (var (name, size) in Screens())
        {
            var page = await station.NewPageAsync(size);
            try
            {
                await page.SignInAsync("alice");
                await page.AddInitScriptAsync(GrownStripScript);
                await page.GotoAsync($"/?strip={Chairs.ToString(CultureInfo.InvariantCulture)}&kind={kind}");
                await Expect(page.Locator("article.chair")).ToHaveCountAsync(Chairs);
                var items = page.Locator("#strip-items > li[data-kind]");
                await Expect(items).ToHaveCountAsync(Chairs);
                var where = $"{kind}, {name}";

                var silent = await Pages.SilentlyHiddenOnTheStripAsync(page);
                Assert.True(silent.Length == 0, $"{where}: {string.Join("; ", silent)}");
                var shown = await items.EvaluateAllAsync<int>("items => items.filter(i => i.getClientRects().length > 0).length");
                Assert.True(shown >= 1, $"{where}: the most urgent item is not shown");
                var more = page.Locator("#strip-items .strip-more");
                await Expect(more).ToBeVisibleAsync(); // 24 never fit in two rows
                await Expect(more).ToHaveTextAsync($"+{Chairs - shown} more" + (kind == "alarm" ? $" ({Chairs - shown} alarms)" : string.Empty));
                Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), where + ": the board scrolls sideways");

                await more.ClickAsync();
                await Expect(more).ToHaveTextAsync("Show fewer");
                await Expect(more).ToHaveAttributeAsync("aria-expanded", "true");
                Assert.Equal(Chairs, await items.EvaluateAllAsync<int>("items => items.filter(i => i.getClientRects().length > 0).length"));
                Assert.True(await page.EvaluateAsync<bool>("() => { const l = document.getElementById('strip-items'); return l.scrollHeight <= l.clientHeight + 1; }"), where + ": the open strip scrolls inside");
                if (name == "tablet 1280×800" && kind == "ready")
                {
                    await page.ScreenshotAsync(new() { Path = Pages.Screenshot("strip-open.png") });
                }

                await more.ClickAsync();
                await Expect(more).ToHaveTextAsync($"+{Chairs - shown} more" + (kind == "alarm" ? $" ({Chairs - shown} alarms)" : string.Empty));
            }
            catch
            {
                await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), $"infusionsuite-strip-{kind}-{name.Split(' ')[0]}.png"), FullPage = true });
                throw;
            }
            finally
            {
                await page.Context.CloseAsync();
            }
        }
    }

    /// <summary>The three screens, and the trial's 1280×800 tablet.</summary>
    private static IEnumerable<(string Name, ViewportSize Size)> Screens() =>
        [.. BrowserStation.Viewports, ("tablet 1280×800", new ViewportSize { Width = 1280, Height = 800 })];

    /// <summary>
    /// On "/?strip=N&amp;kind=ready|alarm": the board's stream becomes the server's board view with N chairs in
    /// pre-cooling, each ready for infusion (or each with an alarm), and the strip the server would send for them.
    /// </summary>
    private const string GrownStripScript = """
        (() => {
          const query = new URLSearchParams(location.search), count = Number(query.get('strip')), kind = query.get('kind');
          if (!count) return;
          const alarm = { code: 'RESERVOIR_LOW', text: 'Coolant reservoir low', short: 'Reservoir low' };
          const grow = view => {
            const chairs = [];
            for (let n = 1; n <= count; n++) {
              chairs.push({ ...view.chairs[0],
                controllerId: 'STRIP-' + String(n).padStart(2, '0'), label: 'Chair ' + n, online: true,
                sessionId: 'strip-session-' + n, patient: { reference: 'MRN-' + (2000000 + n), name: 'Patient ' + n },
                status: 'PreCooling', phase: 'PreCooling', phaseElapsedSeconds: 1900, phaseTargetSeconds: 1800, remainingSeconds: 0, overtimeSeconds: 100,
                coolantC: -5, scalpC: 18, setpointC: -5, coolantAtSetpoint: true, alarms: kind === 'alarm' ? [alarm] : [],
                readyForInfusion: kind === 'ready', preCoolingTargetReached: false, removeCap: false, notCooling: false, sessionEnded: false, setpointUnknown: false,
                actions: ['infusion-started', 'abort'], documentationActions: ['tolerance', 'adverse-events', 'void'], clockWarning: null, clockShort: null });
            }
            const urgent = chairs.map(c => ({ controllerId: c.controllerId, label: c.label, kind, text: kind === 'alarm' ? alarm.text : 'Ready for infusion', controllerIds: [c.controllerId] }));
            return { ...view, asOf: new Date().toISOString(), chairs, urgent };
          };
          window.EventSource = class {
            constructor() {
              this.listeners = {};
              const emit = async () => {
                const view = await (await fetch('/api/board', { headers: { Accept: 'application/json' } })).json();
                this.listeners.board?.({ data: JSON.stringify(grow(view)) });
              };
              emit();
              setInterval(emit, 1000);
            }
            addEventListener(kind, listener) { this.listeners[kind] = listener; }
          };
        })();
        """;
}
