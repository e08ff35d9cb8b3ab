using System.Globalization;
using System.Text.Json;
using InfusionSuite.Web.Board;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InfusionSuite.Web.Tests.Browser;

/// <summary>
/// Every suite size from 1 to 30 chairs, each card carrying its longest content (an alarm, a prompt, a clock note and
/// an overtime past an hour), fits a 1024×768 and a 1280×800 tablet and a 1366×768 desktop without scrolling: every
/// card's phase, countdown (an infusion's elapsed time), alarm and prompt on screen and whole, every button's words
/// whole, every touch target at least 48 px, and on those and a phone every button and link inside its own card.
/// The board is the station's own page on the shared host; only its live stream is replaced, in the page, by the
/// server's own board view (/api/board) grown to the count with the longest content, so the layout is measured with
/// the server's JSON shape and the real page, script and style.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BoardFitBrowserTests(BrowserStation station)
{
    [Fact(Timeout = 480_000)]
    public async Task EveryCount1To30_WithTheLongestCards_FitsTheTabletAndDesktop_WithEveryControlInsideItsCardWholeAnd48PxSquare()
    {
        foreach (var (name, size) in BrowserStation.ViewportsAndTheTrialsTablet)
        {
            var page = await station.NewPageAsync(size);
            try
            {
                await page.SignInAsync("alice");
                await page.AddInitScriptAsync(LongestCardsScript());
                await page.GotoAsync("/?fit=1");
                for (var count = 1; count <= 30; count++)
                {
                    await page.EvaluateAsync("n => { window.__fit = n; window.__emit?.(); }", count); // the same page grows a chair at a time: no reload per count
                    await Expect(page.Locator("article.chair")).ToHaveCountAsync(count);
                    await Expect(page.Locator("article.chair .alarm-item")).ToHaveCountAsync(count);
                    await Expect(page.Locator("#strip-items > li[data-kind]")).ToHaveCountAsync(count);
                    var where = $"{name}, {count} chairs";
                    Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), where + ": the board scrolls sideways");
                    if (name != "phone")
                    {
                        var off = await page.EvaluateAsync<string[]>(OffScreenScript);
                        Assert.True(off.Length == 0, $"{where} ({await DensityAsync(page)}): {string.Join("; ", off.Take(8))}");
                        var cutWords = await Pages.CutAlarmsAndPromptsAsync(page);
                        Assert.True(cutWords.Length == 0, $"{where}: alarms or prompts cut on {string.Join(", ", cutWords)}");
                    }

                    var outside = await page.EvaluateAsync<string[]>(OutsideTheirCardsScript);
                    Assert.True(outside.Length == 0, $"{where} ({await DensityAsync(page)}): controls outside their card: {string.Join("; ", outside.Take(8))}");
                    var silent = await Pages.SilentlyHiddenOnTheStripAsync(page); // one alarm a chair: the strip counts what does not fit
                    Assert.True(silent.Length == 0, $"{where}: the strip hides alarms without saying so: {string.Join("; ", silent)}");
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
                await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), $"infusionsuite-fit-{name.Split(' ')[0]}-{size.Width}.png"), FullPage = true });
                throw;
            }
            finally
            {
                await page.Context.CloseAsync();
            }
        }
    }

    /// <summary>Every button and link of a card that is shown and not wholly inside its card's border box, as "CHAIR-nn "words" x from–to in a card of from–to".</summary>
    internal const string OutsideTheirCardsScript = """
        () => {
          const out = [];
          for (const card of document.querySelectorAll('article.chair')) {
            const box = card.getBoundingClientRect();
            for (const control of card.querySelectorAll('button, a')) {
              if (control.getClientRects().length === 0) continue;
              const r = control.getBoundingClientRect();
              if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5) {
                out.push(card.dataset.controller + ' "' + (control.getAttribute('aria-label') || control.textContent.trim()) + '" x ' + Math.round(r.left) + '–' + Math.round(r.right)
                  + ', y ' + Math.round(r.top) + '–' + Math.round(r.bottom) + ' in a card of x ' + Math.round(box.left) + '–' + Math.round(box.right) + ', y ' + Math.round(box.top) + '–' + Math.round(box.bottom));
              }
            }
          }
          return out;
        }
        """;

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
            const infusing = card.querySelector('.status').textContent === 'Infusing';
            for (const sel of ['.status', '.countdown .time', '.alarm-item', '.prompt', '.clock-warning', ...(infusing ? ['.elapsed'] : [])]) {
              const parts = card.querySelectorAll(sel);
              if (parts.length === 0 && sel !== '.countdown .time') out.push(id + ' has no ' + sel);
              for (const part of parts) {
                if (part.closest('[hidden]')) { if (sel !== '.countdown .time' || !infusing) out.push(id + ' ' + sel + ' hidden'); continue; }
                const r = part.getBoundingClientRect();
                if (r.width < 8 || r.height < 8 || getComputedStyle(part).visibility === 'hidden') out.push(id + ' ' + sel + ' not shown'); // an infusion without its elapsed time too
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
    internal static string LongestCardsScript()
    {
        var alarm = JsonSerializer.Serialize(AlarmView.Of("RESERVOIR_LOW"), JsonSerializerOptions.Web);
        return """
            (() => {
              const count = () => Number(window.__fit ?? new URLSearchParams(location.search).get('fit')); // a test may grow the board in place
              if (!count()) return;
              const alarm = __ALARM__;
              const phases = ['PreCooling', 'Infusing', 'PostCooling'];
              const grow = view => {
                const template = view.chairs[0];
                const chairs = [];
                for (let n = 1; n <= count(); n++) {
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
              __STREAM__
            })();
            """.Replace("__ALARM__", alarm, StringComparison.Ordinal).Replace("__STREAM__", Pages.BoardStreamFrom("grow"), StringComparison.Ordinal);
    }
}
