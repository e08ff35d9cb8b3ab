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
                    await Expect(page.Locator("#course-sessions tbody tr").Nth(1)).ToContainTextAsync("SHORT_POSTCOOL");
                    await Expect(page.Locator("#course-not-cooled")).ToContainTextAsync("No chair or device");
                    await AssertNoSidewaysScrollAsync(page, name + " course");
                    if (name == "tablet")
                    {
                        await page.ScreenshotAsync(new() { Path = Pages.Screenshot("course.png"), FullPage = true });

                        // From a session of the course back to the course.
                        await page.Locator("#course-sessions tbody tr a").First.ClickAsync();
                        await page.GetByRole(AriaRole.Link, new() { Name = "The course: sessions, adherence and outcome" }).ClickAsync();
                        await Expect(page.Locator("h1")).ToContainTextAsync("Docetaxel q3w");

                        // The paclitaxel course's follow-up is due: the nurse records it.
                        await page.GotoAsync("/courses/" + SeededCourses.Paclitaxel);
                        await Expect(page.Locator("#course-result")).ToHaveAttributeAsync("data-result", "FollowUpDue");
                        await page.GetByLabel("Dean scale").SelectOptionAsync("2");
                        await page.GetByRole(AriaRole.Button, new() { Name = "Record assessment" }).ClickAsync();
                        await Expect(page.Locator("#course-result")).ToHaveAttributeAsync("data-result", "Success");
                        await Expect(page.Locator("#course-assessments")).ToContainTextAsync("Alice Nurse");
                    }

                    await page.GotoAsync("/reports");
                    await Expect(page.Locator("figure svg.plot")).ToHaveCountAsync(5);
                    // Regimens with a course (3) and "All regimens": one bar each; the three published figures as dashed lines.
                    await Expect(page.Locator("#plot-success rect.bar")).ToHaveCountAsync(4);
                    await Expect(page.Locator("#plot-success g.reference")).ToHaveCountAsync(3);
                    await Expect(page.Locator("#plot-success")).ToContainTextAsync("Docetaxel q3w");
                    await Expect(page.Locator("#plot-deviations")).ToContainTextAsync("SHORT_POSTCOOL");
                    await Expect(page.Locator("#csv-link")).ToHaveAttributeAsync("href", "/api/reports/suite.csv");
                    await AssertNoSidewaysScrollAsync(page, name + " report");
                    if (name == "tablet")
                    {
                        await page.ScreenshotAsync(new() { Path = Pages.Screenshot("suite-report.png"), FullPage = true });
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

    private static async Task AssertNoSidewaysScrollAsync(IPage page, string what) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), what + " scrolls sideways");
}
