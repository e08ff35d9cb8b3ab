using System.Globalization;
using System.Text.Json;
using InfusionSuite.Web.Board;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InfusionSuite.Web.Tests.Browser;

/// <summary>
/// Every suite size from 1 to 30 chairs, each card carrying its longest content (an alarm, a prompt, a clock note and
/// an overtime past an hour), fits a 1024×768 tablet and a 1366×768 desktop without scrolling: every card's phase,
/// countdown, alarm and prompt on screen and whole, every button's words whole, every touch target at least 48 px.
/// The board is the station's own page on the shared host; only its live stream is replaced, in the page, by the
/// server's own board view (/api/board) grown to the count with the longest content, so the layout is measured with
/// the server's JSON shape and the real page, script and style.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BoardFitBrowserTests(BrowserStation station)
{
    /// <summary>Counts at and around every step the trial found wrong (9 with a clock note, 13), both ends, and the full suite.</summary>
    private static readonly int[] Counts = [1, 2, 6, 7, 9, 12, 13, 16, 17, 20, 24, 27, 30];

    [Fact(Timeout = 240_000)]
    public async Task EveryCountTo30_WithTheLongestCards_FitsTheTabletAndDesktop_WithEveryButtonWholeAnd48PxHigh()
    {
        foreach (var (name, size) in BrowserStation.Viewports)
        {
            var page = await station.NewPageAsync(size);
            try
            {
                await page.SignInAsync("alice");
                await page.AddInitScriptAsync(LongestCardsScript());
                foreach (var count in name == "phone" ? [6, 13, 30] : Counts)
                {
                    await page.GotoAsync("/?fit=" + count.ToString(CultureInfo.InvariantCulture));
                    await Expect(page.Locator("article.chair")).ToHaveCountAsync(count);
                    await Expect(page.Locator("article.chair .alarm-item")).ToHaveCountAsync(count);
                    var where = $"{name}, {count} chairs";
                    Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), where + ": the board scrolls sideways");
                    if (name != "phone")
                    {
                        var off = await page.EvaluateAsync<string[]>(OffScreenScript);
                        Assert.True(off.Length == 0, $"{where} ({await DensityAsync(page)}): {string.Join("; ", off.Take(8))}");
                        var cutWords = await Pages.CutAlarmsAndPromptsAsync(page);
                        Assert.True(cutWords.Length == 0, $"{where}: alarms or prompts cut on {string.Join(", ", cutWords)}");
                    }

                    var targets = await page.EvaluateAsync<string[]>(TouchTargetsScript);
                    Assert.True(targets.Length == 0, $"{where} ({await DensityAsync(page)}): {string.Join("; ", targets.Take(8))}");
                    if (name == "tablet" && count == 30)
                    {
                        await page.ScreenshotAsync(new() { Path = Pages.Screenshot("board-thirty-longest.png") });
                    }
                }
            }
            catch
            {
                await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), $"infusionsuite-fit-{name}.png"), FullPage = true });
                throw;
            }
            finally
            {
                await page.Context.CloseAsync();
            }
        }
    }

    /// <summary>
    /// What a nurse needs of each card and is not fully on screen: its phase, countdown, alarms, prompts and clock note
    /// (hidden, cut, or past the screen's edge), and any card that ends below the screen; each as "CHAIR-nn what".
    /// </summary>
    private const string OffScreenScript = """
        () => {
          const out = [];
          for (const card of document.querySelectorAll('article.chair')) {
            const id = card.dataset.controller, box = card.getBoundingClientRect();
            if (box.bottom > innerHeight || box.right > innerWidth) out.push(id + ' card ends at ' + Math.round(box.bottom) + ' px');
            const name = card.querySelector('.chair-label a').getBoundingClientRect();
            for (const button of card.querySelectorAll('button, a.button')) {
              const b = button.getBoundingClientRect();
              if (b.width > 0 && !(b.right <= name.left || name.right <= b.left || b.bottom <= name.top || name.bottom <= b.top)) out.push(id + ' name under "' + button.textContent.trim() + '"');
            }
            if (name.right > box.right || name.width < 40) out.push(id + ' name cut');
            for (const sel of ['.status', '.countdown .time', '.alarm-item', '.prompt', '.clock-warning']) {
              const parts = card.querySelectorAll(sel);
              if (parts.length === 0 && sel !== '.countdown .time') out.push(id + ' has no ' + sel);
              for (const part of parts) {
                if (part.closest('[hidden]')) { if (sel !== '.countdown .time' || card.querySelector('.status').textContent !== 'Infusing') out.push(id + ' ' + sel + ' hidden'); continue; }
                const r = part.getBoundingClientRect();
                if (r.width < 8 || r.height < 8 || getComputedStyle(part).visibility === 'hidden') out.push(id + ' ' + sel + ' not shown');
                else if (r.bottom > innerHeight || r.right > innerWidth || r.left < 0 || r.top < 0) out.push(id + ' ' + sel + ' off screen at ' + Math.round(r.bottom) + ' px');
                else if (r.right > box.right + 1 || part.scrollWidth > part.clientWidth + 1) out.push(id + ' ' + sel + ' cut');
              }
            }
          }
          return out;
        }
        """;

    /// <summary>Every button and link on the board that is shown: at least 48×48 px, its words whole (nothing cut or clipped), each as "CHAIR-nn words size".</summary>
    private const string TouchTargetsScript = """
        () => [...document.querySelectorAll('#board button, #board a, #strip-items a, #sound-toggle')]
          .filter(n => n.getClientRects().length > 0)
          .map(n => {
            const r = n.getBoundingClientRect();
            const words = [...n.querySelectorAll('span')].filter(s => s.getClientRects().length > 0 && getComputedStyle(s).position !== 'absolute');
            const cut = n.scrollWidth > n.clientWidth + 1 || n.scrollHeight > n.clientHeight + 1 || getComputedStyle(n).textOverflow === 'ellipsis'
              || words.some(s => { const w = s.getBoundingClientRect(); return w.left < r.left - 1 || w.right > r.right + 1; });
            return [n, r, cut];
          })
          .filter(([, r, cut]) => r.height < 48 || r.width < 48 || cut)
          .map(([n, r, cut]) => (n.closest('article')?.dataset.controller ?? '') + ' "' + n.textContent.trim() + '" ' + Math.round(r.width) + '×' + Math.round(r.height) + (cut ? ' cut' : ''))
        """;

    private static Task<string> DensityAsync(IPage page) =>
        page.EvaluateAsync<string>("() => document.getElementById('board').dataset.density + ' ' + (document.getElementById('board').dataset.cols ?? 'auto') + ' columns'");

    /// <summary>
    /// On "/?fit=N": the board's live stream becomes the server's board view (fetched as this user) grown to N chairs,
    /// each with its longest content: pre-cooling and post-cooling past the target by over an hour, with the longest
    /// prompt of the phase; infusing, not cooling; each with an alarm and a clock note; chair 1 with a long name; every
    /// fifth a session ended with the cap still on (three steps beside the name: Cap removed, Start session, the page).
    /// </summary>
    private static string LongestCardsScript()
    {
        var alarm = JsonSerializer.Serialize(AlarmView.Of("RESERVOIR_LOW"), JsonSerializerOptions.Web);
        return """
            (() => {
              const count = Number(new URLSearchParams(location.search).get('fit'));
              if (!count) return;
              const alarm = __ALARM__;
              const phases = ['PreCooling', 'Infusing', 'PostCooling'];
              const grow = view => {
                const template = view.chairs[0];
                const chairs = [];
                for (let n = 1; n <= count; n++) {
                  const phase = phases[(n - 1) % 3], counting = phase !== 'Infusing', ended = n % 5 === 3;
                  chairs.push({ ...template,
                    controllerId: 'FIT-' + String(n).padStart(2, '0'), label: n === 1 ? 'Chair 1 (window)' : 'Chair ' + n, online: true,
                    sessionId: 'fit-session-' + n, patient: { reference: 'MRN-' + (1000000 + n), name: 'Patient with a long name ' + n },
                    status: phase, phase, phaseElapsedSeconds: 5400 + n, phaseTargetSeconds: 1800,
                    remainingSeconds: counting ? 0 : null, overtimeSeconds: counting ? 3600 + 125 + n : null,
                    coolantC: -3.1, scalpC: 17.9, setpointC: -5, coolantAtSetpoint: false, alarms: [alarm],
                    readyForInfusion: false, preCoolingTargetReached: phase === 'PreCooling', removeCap: phase === 'PostCooling',
                    notCooling: phase === 'Infusing', sessionEnded: ended, setpointUnknown: false,
                    actions: ended ? ['cap-removed'] : [phase === 'PreCooling' ? 'infusion-started' : phase === 'Infusing' ? 'infusion-ended' : 'cap-removed', 'abort'],
                    documentationActions: ['tolerance', 'adverse-events', 'void'],
                    clockWarning: 'Controller clock 4 min 10 s slow; controller clock stepped 2 time(s); device times corrected to the server clock.',
                    clockShort: 'clock 4 min slow' });
                }
                const urgent = chairs.map(c => ({ controllerId: c.controllerId, label: c.label, kind: 'alarm', text: alarm.text }));
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
            """.Replace("__ALARM__", alarm, StringComparison.Ordinal);
    }
}
