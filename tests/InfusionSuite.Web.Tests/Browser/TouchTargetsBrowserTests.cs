using System.Net;
using InfusionSuite.Simulator.Running;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InfusionSuite.Web.Tests.Browser;

/// <summary>
/// Every link and button on every page a nurse, an engineer or an admin uses is a touch target for a gloved hand: at
/// least 48×48 CSS px on a tablet (the station's 1024×768 and the trial's 1280×800). One walk over every page (sign-in;
/// the board at 1, 12 and 30 chairs; the start form and an action's dialog; a chair's page with and without a session;
/// a session's page, running and finished; courses, a course, the report; users, audit, the refusal page) checks every
/// visible <c>a</c>, <c>button</c>, <c>input[type=submit]</c>, <c>select</c> and <c>summary</c>, so a new page or link
/// cannot slip under 48 px. A page added to the station belongs in <see cref="Walk"/>.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TouchTargetsBrowserTests(BrowserStation station)
{
    [Fact(Timeout = 300_000)]
    public async Task EveryLinkAndButtonOnEveryPage_IsAtLeast48PxSquare_OnATablet()
    {
        using var db = new TempDatabase();
        var clock = new ScaledTimeProvider(BrowserStation.Scale, SeededCourses.Now);
        await using var host = await StationHost.StartKestrelAsync(BrowserStation.SuiteSettings(db.Path), clock);
        await SeededCourses.SeedAsync(host.Services, host.Users["alice"].UserId);
        using var nurse = host.Client("alice");
        var (started, body) = await nurse.PostAsync("/api/sessions", new StartBody("CHAIR-02", PatientReference: "MRN-T2", PatientName: "Tess Target"));
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var running = body.Text("sessionId")!;
        var (_, course) = await nurse.GetJsonAsync("/api/courses/" + SeededCourses.Docetaxel);
        var finished = course.GetProperty("sessions")[0].Text("sessionId")!;

        var small = new List<string>();
        foreach (var size in BrowserStation.ViewportsAndTheTrialsTablet.Where(v => v.Name.StartsWith("tablet", StringComparison.Ordinal)).Select(v => v.Size))
        {
            foreach (var (user, steps) in Walk(running, finished))
            {
                var page = await station.NewPageAsync(size, host.BaseAddress);
                try
                {
                    if (user is not null)
                    {
                        await page.SignInAsync(user);
                        await Expect(page.Locator("#main")).ToBeVisibleAsync();
                    }

                    await page.AddInitScriptAsync(BoardFitBrowserTests.LongestCardsScript());
                    foreach (var (where, go) in steps)
                    {
                        await go(page);
                        small.AddRange((await SmallTargetsAsync(page)).Select(t => $"{size.Width}×{size.Height} {user ?? "signed out"} {where}: {t}"));
                    }

                    // The skip link is a target too once the keyboard brings it on screen (the trial's 153×41).
                    await page.Locator("a.skip").FocusAsync();
                    small.AddRange((await SmallTargetsAsync(page)).Where(t => t.StartsWith("a \"Skip", StringComparison.Ordinal))
                        .Select(t => $"{size.Width}×{size.Height} {user ?? "signed out"} skip link focused: {t}"));
                }
                catch
                {
                    await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), $"infusionsuite-targets-{user}.png"), FullPage = true });
                    throw;
                }
                finally
                {
                    await page.Context.CloseAsync();
                }
            }
        }

        Assert.True(small.Count == 0, $"{small.Count} touch targets under 48×48 px:\n" + string.Join("\n", small.Distinct().Take(40)));
    }

    /// <summary>Each user's pages, each with how to reach it and what shows it is filled.</summary>
    private static IEnumerable<(string? User, IReadOnlyList<(string Where, Func<IPage, Task> Go)> Steps)> Walk(string running, string finished)
    {
        yield return (null, [("sign-in", async p => { await p.GotoAsync("/signin"); await Expect(p.GetByLabel("User name")).ToBeVisibleAsync(); })]);
        yield return ("alice",
        [
            ("board, 12 chairs", async p => { await p.GotoAsync("/"); await Expect(p.Locator("article.chair")).ToHaveCountAsync(12); await Expect(p.Locator("#recent tbody tr").First).ToBeVisibleAsync(); }),
            ("start form", async p => { await p.Chair("CHAIR-05").GetByRole(AriaRole.Button, new() { Name = "Start session" }).ClickAsync(); await Expect(p.Locator("#start-dialog")).ToBeVisibleAsync(); await p.Locator("#start-dialog details.start-billing summary").ClickAsync(); }),
            ("board, 1 chair", async p => { await p.GotoAsync("/?fit=1"); await Expect(p.Locator("article.chair")).ToHaveCountAsync(1); }),
            ("board, 30 chairs", async p => { await p.GotoAsync("/?fit=30"); await Expect(p.Locator("article.chair")).ToHaveCountAsync(30); }),
            ("chair page in a session", async p => { await p.GotoAsync("/chairs/CHAIR-02"); await Expect(p.Locator("#live article.chair .actions button").First).ToBeVisibleAsync(); await Expect(p.Locator("#chair-recent tbody a").First).ToBeVisibleAsync(); }),
            ("an action's dialog", async p => { await p.Locator("#live").GetByRole(AriaRole.Button, new() { Name = "Abort…" }).ClickAsync(); await Expect(p.Locator("#action-dialog")).ToBeVisibleAsync(); }),
            ("chair page, free", async p => { await p.GotoAsync("/chairs/CHAIR-05"); await Expect(p.Locator("#live article.chair")).ToBeVisibleAsync(); }),
            ("session page, running", async p => { await p.GotoAsync("/sessions/" + running); await Expect(p.Locator("#audit tbody tr").First).ToBeVisibleAsync(); }),
            ("session page, finished", async p => { await p.GotoAsync("/sessions/" + finished); await Expect(p.Locator("#course-link")).ToBeVisibleAsync(); await Expect(p.Locator("#billing ul.courses a").First).ToBeVisibleAsync(); }),
            ("courses", async p => { await p.GotoAsync("/courses"); await Expect(p.Locator($"#course-list tr[data-course='{SeededCourses.Docetaxel}']")).ToBeVisibleAsync(); }),
            ("a course", async p => { await p.GotoAsync("/courses/" + SeededCourses.Docetaxel); await Expect(p.Locator("#course-sessions tbody tr").First).ToBeVisibleAsync(); }),
            ("suite report", async p => { await p.GotoAsync("/reports"); await Expect(p.Locator("#chair-table")).ToBeVisibleAsync(); }),
        ]);
        yield return ("eve",
        [
            ("board, engineer", async p => { await p.GotoAsync("/"); await Expect(p.Locator("article.chair")).ToHaveCountAsync(12); }),
            ("chair page, engineer", async p => { await p.GotoAsync("/chairs/CHAIR-02"); await Expect(p.Locator("#live article.chair")).ToBeVisibleAsync(); }),
            ("refusal page", async p => { await p.GotoAsync("/users"); await Expect(p.Locator("h1")).ToHaveTextAsync("Not allowed"); }),
        ]);
        yield return ("ada",
        [
            ("users", async p => { await p.GotoAsync("/users"); await Expect(p.Locator("tr[data-user='alice']")).ToBeVisibleAsync(); }),
            ("audit", async p => { await p.GotoAsync("/audit"); await Expect(p.Locator("main table a").First).ToBeVisibleAsync(); }),
        ]);
    }

    /// <summary>
    /// Every link, button, submit, select, summary and checkbox shown on the page (in the page's flow or an open dialog), and
    /// each checkbox's label, under 48×48 px, as "tag "words" w×h" (the trial's 32×32 "Yes, void this record" box).
    /// </summary>
    private static Task<string[]> SmallTargetsAsync(IPage page) =>
        page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('a[href], button, input[type=submit], input[type=button], input[type=checkbox], input[type=radio], select, summary, .check label')]
              .filter(n => n.getClientRects().length > 0 && getComputedStyle(n).visibility !== 'hidden')
              .map(n => [n, n.getBoundingClientRect()])
              .filter(([, r]) => r.right > 0 && r.bottom + scrollY > 0) // the skip link waits off screen until it has focus
              .filter(([n, r]) => (n.tagName !== 'LABEL' && r.width < 47.99) || r.height < 47.99) // a label is as wide as its words
              .map(([n, r]) => n.tagName.toLowerCase() + ' "' + (n.getAttribute('aria-label') || n.textContent.trim() || n.name || '').slice(0, 40) + '" '
                + Math.round(r.width) + '×' + Math.round(r.height))
            """);
}
