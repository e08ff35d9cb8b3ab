using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InfusionSuite.Web.Tests.Browser;

/// <summary>
/// Issue 16 (trial): after a restart of the host the board said every chair was free for ~8 s. A page shows only what
/// the server sent: before its first view and while the server says it is still loading (rebuilding its sessions),
/// the board and a chair's page say "Loading chairs…", show no chair as free, and no session can be started; a
/// page that already shows cards greys them and disables Start until the server's view is live again. The board's
/// stream is replaced in the page by the server's own view, marked loading until the test lets it through.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LoadingBrowserTests(BrowserStation station)
{
    [Theory(Timeout = 120_000)]
    [InlineData("/")]
    [InlineData("/chairs/CHAIR-12")]
    public async Task UntilTheServersViewIsLoaded_NoChairIsFree_AndNoSessionCanBeStarted(string path)
    {
        foreach (var (name, size) in BrowserStation.Viewports)
        {
            var page = await station.NewPageAsync(size);
            try
            {
                await page.SignInAsync("alice");
                await page.AddInitScriptAsync(LoadingStreamScript);
                await page.GotoAsync(path);
                // Nothing from the server yet, then its "loading" views: no card, no "Free", the loading words.
                var loadingNote = page.Locator(".loading");
                await Expect(loadingNote).ToHaveTextAsync("Loading chairs…");
                await Expect(page.Locator("#connection")).ToContainTextAsync("Loading chairs…");
                Assert.Equal(0, await page.Locator("article.chair").CountAsync());
                Assert.Equal(0, await page.GetByText("Free", new() { Exact = true }).CountAsync());
                Assert.Equal(0, await page.Locator("button[data-action='start']:enabled").CountAsync());

                // Loaded: the cards, and Start where a chair is free.
                await page.EvaluateAsync("() => { window.__loaded = true; return window.__emit(); }");
                await Expect(page.Locator("#connection")).ToHaveTextAsync(new Regex("^Live"));
                await Expect(loadingNote).ToBeHiddenAsync();
                await Expect(page.Chair("CHAIR-12")).ToBeVisibleAsync();
                await Expect(page.Chair("CHAIR-12").Locator(".status")).ToHaveTextAsync("Free");
                await Expect(page.Chair("CHAIR-12").Locator("button[data-action='start']")).ToBeEnabledAsync();
                Assert.Equal(0, await page.Locator("button[data-action='start']:disabled").CountAsync());

                // The server restarts and says it is loading again: the cards on screen are grey and nothing can be started.
                await page.EvaluateAsync("() => { window.__loaded = false; return window.__emit(); }");
                await Expect(page.Locator("#connection")).ToContainTextAsync("Loading chairs…");
                await Expect(page.Locator("body")).ToHaveClassAsync(new Regex(@"\bstale\b"));
                Assert.Equal(0, await page.Locator("button[data-action='start']:enabled").CountAsync());

                await page.EvaluateAsync("() => { window.__loaded = true; return window.__emit(); }");
                await Expect(page.Locator("#connection")).ToHaveTextAsync(new Regex("^Live"));
                await Expect(page.Locator("body")).Not.ToHaveClassAsync(new Regex(@"\bstale\b"));
                await Expect(page.Chair("CHAIR-12").Locator("button[data-action='start']")).ToBeEnabledAsync();
            }
            finally
            {
                await page.Context.CloseAsync();
            }
        }
    }

    /// <summary>The server's board view, as a host still rebuilding its sessions sends it (loading, no chair, no strip) until <c>window.__loaded</c>; the first view only after 1.5 s.</summary>
    private static readonly string LoadingStreamScript = """
        (() => {
          window.__loaded = false;
          // Loaded: the server's view with Chair 12 free (other tests' sessions may sit on it), so a Start is offered.
          const free = c => c.controllerId !== 'CHAIR-12' ? c : { ...c, sessionId: null, patient: null, status: null, phase: null, phaseElapsedSeconds: null,
            phaseTargetSeconds: null, remainingSeconds: null, overtimeSeconds: null, alarms: [], readyForInfusion: false, preCoolingTargetReached: false,
            removeCap: false, sessionEnded: false, notCooling: false, actions: [], documentationActions: [] };
          const loadingOrNot = view => window.__loaded ? { ...view, chairs: view.chairs.map(free) } : { ...view, loading: true, chairs: [], urgent: [] };
          const Real = __STREAM_CLASS__;
          window.EventSource = class { constructor(url) { this.inner = null; this.url = url; this.pending = []; setTimeout(() => { this.inner = new Real(url); for (const [k, l] of this.pending) this.inner.addEventListener(k, l); }, 1500); }
            addEventListener(kind, listener) { this.pending.push([kind, listener]); } };
        })();
        """.Replace("__STREAM_CLASS__", "(() => { " + Pages.BoardStreamFrom("loadingOrNot") + " return window.EventSource; })()", StringComparison.Ordinal);
}
