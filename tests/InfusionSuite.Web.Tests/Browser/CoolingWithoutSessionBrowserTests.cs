using System.Net;
using InfusionSuite.Domain.Controllers;
using static Microsoft.Playwright.Assertions;

namespace InfusionSuite.Web.Tests.Browser;

/// <summary>
/// Issue 16 (trial): a controller cooling with no session on its chair said nothing. Its card says "Cooling, no
/// session: start one or stop the controller" and the strip lists it (it needs a nurse): on a free chair, and on one
/// whose session ended while the controller cooled on; not while it only pre-chills, nor during a running session.
/// The controller is a real one on the station's MQTT broker.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CoolingWithoutSessionBrowserTests(BrowserStation station)
{
    private const string Words = "Cooling, no session: start one or stop the controller";

    [Fact(Timeout = 180_000)]
    public async Task ControllerCoolingWithNoRunningSession_IsOnItsCardAndOnTheStrip_AtEveryViewport()
    {
        await EndAnyRunningSessionAsync("CHAIR-07"); // another test's session may still be open on the shared host
        await using var chair = new HandChair(station, "CHAIR-07");
        await chair.HelloAsync();
        chair.State = ControllerState.Prechill;
        await chair.KeepTalkingAsync(-4.5m);
        var page = await station.NewPageAsync(BrowserStation.Viewports[0].Size);
        try
        {
            await page.SignInAsync("alice");
            var card = page.Chair("CHAIR-07");
            await Expect(card.Locator(".link")).ToContainTextAsync("Online", new() { Timeout = 20_000 });
            await Expect(card.Locator(".temps")).ToContainTextAsync("−4.5", new() { Timeout = 20_000 });
            await Expect(card.Locator(".prompt.cooling-no-session")).ToHaveCountAsync(0); // pre-chilling before a start: nothing to say

            chair.State = ControllerState.Cooling;
            var strip = page.Locator("#strip-items > li[data-kind='cooling-no-session'][data-controller='CHAIR-07']");
            await Expect(strip).ToHaveCountAsync(1, new() { Timeout = 20_000 });
            await Expect(strip).ToContainTextAsync("Chair 7: Cooling, no session");
            await Expect(card.Locator(".prompt.cooling-no-session")).ToHaveAttributeAsync("title", Words);
            foreach (var (name, size) in BrowserStation.Viewports)
            {
                await page.SetViewportSizeAsync(size.Width, size.Height);
                await Expect(card.Locator(".prompt.cooling-no-session")).ToBeVisibleAsync();
                Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), name + ": the board scrolls sideways");
            }

            string sessionId;
            using (var nurse = station.Host.Client("alice"))
            {
                var (_, started) = await nurse.PostAsync("/api/sessions", new StartBody("CHAIR-07", PatientReference: "MRN-COOL-7"));
                sessionId = started.Text("sessionId")!;
                await Expect(card.Locator(".prompt.cooling-no-session")).ToHaveCountAsync(0, new() { Timeout = 20_000 }); // its session's now
                await Expect(strip).ToHaveCountAsync(0);
                Assert.Equal(HttpStatusCode.OK, (await nurse.PostAsync($"/api/sessions/{sessionId}/abort", new { reason = "Other", details = "test: controller left cooling" })).Response.StatusCode);
            }

            await Expect(card.Locator(".prompt.cooling-no-session")).ToHaveAttributeAsync("title", Words, new() { Timeout = 20_000 });
            await Expect(strip).ToHaveCountAsync(1);

            chair.State = ControllerState.Standby;
            await Expect(strip).ToHaveCountAsync(0, new() { Timeout = 20_000 });
            await Expect(card.Locator(".prompt.cooling-no-session")).ToHaveCountAsync(0);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private async Task EndAnyRunningSessionAsync(string controllerId)
    {
        using var nurse = station.Host.Client("alice");
        var (_, board) = await nurse.GetJsonAsync("/api/board");
        var chair = board.GetProperty("chairs").EnumerateArray().Single(c => c.Text("controllerId") == controllerId);
        if (chair.Text("sessionId") is { } sessionId && !chair.GetProperty("sessionEnded").GetBoolean())
        {
            await nurse.PostAsync($"/api/sessions/{sessionId}/abort", new { reason = "Other", details = "test: chair needed free" });
        }
    }
}
