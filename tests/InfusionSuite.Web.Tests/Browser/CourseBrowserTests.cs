using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InfusionSuite.Web.Tests.Browser;

/// <summary>
/// A nurse reads a course and records its follow-up, then the suite report with its plots, at the three screen
/// sizes: no sideways scrolling, nothing refused by the Content-Security-Policy. Writes docs/images/course.png
/// and docs/images/suite-report.png.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CourseBrowserTests(BrowserStation station)
{
    [Fact(Timeout = 180_000)]
    public async Task CoursePageAndSuiteReport_ShowTheFiguresWithTheirPlots_OnEveryScreen()
    {
        using var db = new TempDatabase();
        var clock = new FakeTimeProvider(SeededCourses.Now);
        var host = await StationHost.StartKestrelAsync(BrowserStation.SuiteSettings(db.Path), clock, FreePort.Next());
        try
        {
            await SeededCourses.SeedAsync(host.Services, host.Users["alice"].UserId);
            foreach (var (name, size) in BrowserStation.Viewports)
            {
                var page = await station.NewPageAsync(size, host.BaseAddress);
                var refused = new List<string>();
                page.Console += (_, message) =>
                {
                    if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                    {
                        refused.Add(message.Text);
                    }
                };
                try
                {
                    await page.SignInAsync("alice");
                    await page.GotoAsync("/courses/" + SeededCourses.Docetaxel);
                    await Expect(page.Locator("#course-result")).ToHaveAttributeAsync("data-result", "Success");
                    await Expect(page.Locator("#course-adherence")).ToContainTextAsync("75.0 % (3 of 4 chemotherapy sessions cooled)");
                    await Expect(page.Locator("#course-sessions tbody tr")).ToHaveCountAsync(3);
                    await Expect(page.Locator("#course-sessions tbody tr").Nth(1)).ToContainTextAsync("Short post-cooling");
                    await Expect(page.Locator("#course-not-cooled")).ToContainTextAsync("No chair or device");
                    await AssertNoSidewaysScrollAsync(page, name + " course");
                    if (name == "tablet")
                    {
                        await page.ScreenshotAsync(new() { Path = Pages.Screenshot("course.png"), FullPage = true });

                        // From a session of the course back to the course.
                        await page.Locator("#course-sessions tbody tr a").First.ClickAsync();
                        await page.GetByRole(AriaRole.Link, new() { Name = "The course: sessions, adherence and outcome" }).ClickAsync();
                        await Expect(page.Locator("h1")).ToContainTextAsync("Docetaxel q3w");

                        // The course list from the nav: every seeded course, the latest dose first, each linked to its page.
                        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Courses" }).ClickAsync();
                        await Expect(page.Locator("#course-list tbody tr")).ToHaveCountAsync(SeededCourses.Count);
                        await Expect(page.Locator($"#course-list tr[data-course='{SeededCourses.Docetaxel}']")).ToContainTextAsync("Success: Dean ≤ 2");
                        await page.GetByLabel("Result").SelectOptionAsync("FollowUpDue");
                        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
                        await Expect(page.Locator($"#course-list tr[data-course='{SeededCourses.Paclitaxel}']")).ToBeVisibleAsync();
                        await Expect(page.Locator($"#course-list tr[data-course='{SeededCourses.Docetaxel}']")).ToHaveCountAsync(0);
                        await page.Locator($"#course-list tr[data-course='{SeededCourses.Paclitaxel}'] a").ClickAsync();

                        // The paclitaxel course's follow-up is due. A refused entry keeps what the nurse typed, the reason under its field.
                        await Expect(page.Locator("#course-result")).ToHaveAttributeAsync("data-result", "FollowUpDue");
                        await page.GetByLabel("CTCAE alopecia grade").SelectOptionAsync("1");
                        await page.GetByLabel("The patient stopped cooling").CheckAsync();
                        await page.GetByRole(AriaRole.Button, new() { Name = "Record assessment" }).ClickAsync();
                        await Expect(page.Locator("#stoppedReason-error")).ToContainTextAsync("Say why the patient stopped cooling.");
                        await Expect(page.GetByLabel("CTCAE alopecia grade")).ToHaveValueAsync("1");
                        await Expect(page.GetByLabel("The patient stopped cooling")).ToBeCheckedAsync();
                        await page.GetByLabel("CTCAE alopecia grade").SelectOptionAsync(string.Empty);
                        await page.GetByLabel("The patient stopped cooling").UncheckAsync();
                        await page.GetByLabel("Dean scale").SelectOptionAsync("2");
                        await page.GetByRole(AriaRole.Button, new() { Name = "Record assessment" }).ClickAsync();
                        await Expect(page.Locator("#course-result")).ToHaveAttributeAsync("data-result", "Success");
                        await Expect(page.Locator("#course-assessments")).ToContainTextAsync("Alice Nurse");


                        // Staff correct that follow-up (it was scored from the wrong photo): the corrected Dean decides.
                        var latest = page.Locator("#course-assessments tbody tr").Last;
                        await latest.GetByText("Correct or withdraw").ClickAsync();
                        await latest.GetByLabel("Dean (corrected)").SelectOptionAsync("3");
                        await latest.GetByLabel("Reason for the correction").FillAsync("scored from the wrong photo");
                        await latest.GetByRole(AriaRole.Button, new() { Name = "Save correction" }).ClickAsync();
                        await Expect(page.Locator("#course-result")).ToHaveAttributeAsync("data-result", "NotSuccess");
                        await Expect(page.Locator("#course-assessments tbody tr").Last).ToContainTextAsync("scored from the wrong photo");
                    }

                    await page.GotoAsync("/reports");
                    await Expect(page.Locator("figure svg.plot")).ToHaveCountAsync(5);
                    // Regimens with a course (3) and "All regimens": one bar each; the three published figures as dashed lines.
                    await Expect(page.Locator("#plot-success rect.bar")).ToHaveCountAsync(4);
                    await Expect(page.Locator("#plot-success g.reference")).ToHaveCountAsync(3);
                    await Expect(page.Locator("#plot-success")).ToContainTextAsync("Docetaxel q3w");
                    await Expect(page.Locator("#plot-deviations")).ToContainTextAsync("Short post-cooling");
                    var collisions = await page.EvaluateAsync<string[]>(PlotCollisions);
                    Assert.True(collisions.Length == 0, string.Join(Environment.NewLine, collisions));
                    await Expect(page.Locator("#csv-link")).ToHaveAttributeAsync("href", "/api/reports/suite.csv");
                    await AssertNoSidewaysScrollAsync(page, name + " report");
                    if (name == "tablet")
                    {
                        await page.ScreenshotAsync(new() { Path = Pages.Screenshot("suite-report.png"), FullPage = true });

                        // A range that ends before it starts: the page says so, the dates kept, no problem+json.
                        var refusedRange = await page.GotoAsync("/reports?from=2026-12-31&to=2026-01-01");
                        Assert.Equal(400, refusedRange!.Status);
                        await Expect(page.Locator("#range-error")).ToContainTextAsync("The range ends before it starts.");
                        await Expect(page.Locator("#to-error")).ToContainTextAsync("The range ends before it starts.");
                        await Expect(page.GetByLabel("From (site date)")).ToHaveValueAsync("2026-12-31");
                        await Expect(page.Locator("figure svg.plot")).ToHaveCountAsync(0);
                    }

                    Assert.Empty(refused);
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

    /// <summary>
    /// Every word in the plots that meets a line it does not belong to (a reference label crossed by another reference
    /// line or a target tick, a figure crossed by a tick) or another word; empty when the layout holds. Measured by the browser.
    /// </summary>
    private const string PlotCollisions = """
        () => {
          const found = [];
          for (const svg of document.querySelectorAll('svg.plot')) {
            const id = svg.closest('figure').id;
            const texts = [...svg.querySelectorAll('text')].map(t => ({ t, b: t.getBBox() }));
            const lines = [...svg.querySelectorAll('line')].map(l => ({ cls: l.getAttribute('class'), x: +l.getAttribute('x1'), y1: +l.getAttribute('y1'), y2: +l.getAttribute('y2') }));
            const width = svg.viewBox.baseVal.width;
            for (const { t, b } of texts) {
              if (b.x < 0 || b.x + b.width > width) found.push(`${id}: "${t.textContent}" runs out of the plot`);
              const label = t.classList.contains('reference-label');
              for (const l of lines) {
                const relevant = label ? Math.abs(l.x - +t.getAttribute('x')) > 0.5 : l.cls === 'target';
                if (relevant && l.x > b.x && l.x < b.x + b.width && l.y2 > b.y + 1 && l.y1 < b.y + b.height - 1) found.push(`${id}: "${t.textContent}" crossed by a ${l.cls} line`);
              }
            }
            for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) {
              const a = texts[i].b, c = texts[j].b;
              if (a.x < c.x + c.width && c.x < a.x + a.width && a.y < c.y + c.height - 1 && c.y < a.y + a.height - 1) found.push(`${id}: "${texts[i].t.textContent}" overlaps "${texts[j].t.textContent}"`);
            }
          }
          return found;
        }
        """;

    private static async Task AssertNoSidewaysScrollAsync(IPage page, string what) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), what + " scrolls sideways");
}
