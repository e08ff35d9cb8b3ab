using System.Net;
using InfusionSuite.Application.Outbox;
using InfusionSuite.Application.Staff;
using InfusionSuite.Fhir.Tests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InfusionSuite.Web.Tests.Browser;

/// <summary>
/// A session whose patient, visit, order and nurse the EHR does not hold yet is held before anything is sent; its page
/// says why, and a nurse retries it from the page once the EHR has them: it goes, with literal references, and the retry is audited.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HeldItemBrowserTests(BrowserStation station)
{
    [Fact(Timeout = 120_000)]
    public async Task SessionHeldForAPatientTheEhrDoesNotHold_ItsPageSaysWhy_AndARetryFromThePageSendsIt()
    {
        const string Mrn = "MRN-HELD-94", Visit = "V-HELD-94", Order = "ma-held-94";
        string sessionId;
        using (var nurse = station.Host.Client("alice"))
        {
            var (_, started) = await nurse.PostAsync("/api/sessions", new StartBody("CHAIR-94", PatientReference: Mrn, AdministrationId: Order, Encounter: Visit));
            sessionId = started.Text("sessionId")!;
            foreach (var step in new[] { "cap-placed", "infusion-started", "infusion-ended", "cap-removed" })
            {
                Assert.Equal(HttpStatusCode.OK, (await nurse.PostAsync($"/api/sessions/{sessionId}/{step}", new { })).Response.StatusCode);
            }
        }

        var page = await station.NewPageAsync();
        try
        {
            await page.SignInAsync("alice");
            await page.GotoAsync("/sessions/" + sessionId);
            var held = page.Locator("#fhir .fhir-item[data-status='Parked']");
            await Expect(held).ToContainTextAsync("Held: not sent until staff resolve the patient (by MRN): not found", new() { Timeout = 30_000 });
            await Expect(held).ToContainTextAsync("the visit (Encounter, by visit number): not found");
            await Expect(held).Not.ToContainTextAsync(Mrn);

            // The EHR gets the patient, the visit, the order and Alice; a nurse retries from the page.
            using (var ehr = new FhirServerReader(station.Ehr))
            {
                await ehr.HoldAsync(TestEhrChart.ForWorkerSession(Mrn, Visit, Order, [station.Host.Users["alice"].UserId]));
            }

            await held.GetByRole(AriaRole.Button, new() { Name = "Retry" }).ClickAsync();
            await Expect(page.Locator("#fhir .fhir-item[data-status='Sent']")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        }
        finally
        {
            await page.Context.CloseAsync();
        }

        var item = (await station.Host.Services.GetRequiredService<IOutbox>().ListAsync(new OutboxQuery(SessionId: sessionId), CancellationToken.None)).Single();
        var audit = await station.Host.Services.GetRequiredService<IStaffAccounts>().AuditAsync(200, CancellationToken.None);
        Assert.Contains(audit, a => a.Action == ParkedItemActions.RetryAction && a.Subject == "outbox item " + item.Id.ToString("D") && a.Actor == station.Host.Users["alice"].UserId);
    }
}
