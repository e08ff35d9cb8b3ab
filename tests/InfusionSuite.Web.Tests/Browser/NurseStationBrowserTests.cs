using System.Globalization;
using System.Text.RegularExpressions;
using InfusionSuite.Fhir.Tests;
using InfusionSuite.Simulator.Engine;
using InfusionSuite.Simulator.Outputs;
using InfusionSuite.Simulator.Running;
using InfusionSuite.Simulator.Scenarios;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using FhirModel = Hl7.Fhir.Model;

namespace InfusionSuite.Web.Tests.Browser;

/// <summary>
/// A nurse runs a whole session from the board in Chromium while the simulator plays the chair over
/// MQTT on the host's scaled clock; the session page shows the chart and the EHR's answer. Screenshots
/// of both pages go to docs/images. Rights and text-not-markup are checked in the browser too.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NurseStationBrowserTests(BrowserStation station)
{
    [Fact(Timeout = 90_000)]
    public async Task NurseRunsASessionFromTheBoard_AndFindsTheChartAndTheFhirDeliveryOnItsPage()
    {
        string patientId;
        using (var ehr = new FhirServerReader(station.Ehr))
        {
            // With the MRN in the site's MRN system: a start typed by EHR id is read there for it (one patient identity, issue 14).
            patientId = await ehr.CreateAsync(new FhirModel.Patient { Identifier = [new FhirModel.Identifier("urn:infusionsuite:mrn", "MRN-BROWSER-1")] });

            // What the start form gives (Pages.StartSessionAsync) is at the EHR: the visit, the order, and Alice (delivery checks each there).
            var controllerId = SimulatedChair.Numbered(0).ControllerId;
            await ehr.HoldAsync(TestEhrChart.ForWorkerSession("Patient/" + patientId, "V-" + controllerId, "MA-" + controllerId, [station.Host.Users["alice"].UserId]));
        }

        var page = await station.NewPageAsync();
        await page.SignInAsync("alice");
        await Expect(page.Locator(".who .user")).ToHaveTextAsync("Alice Nurse");

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(85));
        var chair = SimulatedChair.Numbered(0);
        await using var output = new MqttControllerOutput(new MqttOutputOptions
        {
            Host = station.Broker.Host, Port = station.Broker.Port, Site = "clinic", ControllerId = chair.ControllerId,
            Timeout = BrowserStation.BrokerTimeout,
        });
        var run = new SimulatedController(OneChair(), chair, seed: 1, output, station.Clock).RunAsync(null, stop.Token);
        try
        {
            var card = page.Chair(chair.ControllerId);
            await Expect(card.Locator(".chair-label")).ToHaveTextAsync("Chair 1 (window)");
            await Expect(card.Locator(".link")).ToHaveTextAsync("● Online");
            await page.StartSessionAsync(chair.ControllerId, "Patient/" + patientId, "Ann Example", preCooling: 20, postCooling: 20);
            await Expect(card.Locator(".patient .name")).ToHaveTextAsync("Ann Example");

            await Expect(card.Locator(".status")).ToHaveTextAsync("Pre-cooling", new() { Timeout = 20_000 });
            var countdown = card.Locator(".countdown .time");
            var before = await SecondsAsync(countdown);
            await Eventually.HoldsAsync(() => SecondsAsync(countdown).GetAwaiter().GetResult() < before, TimeSpan.FromSeconds(5), "the pre-cooling countdown to run");
            await Expect(countdown).ToHaveTextAsync(new Regex(@"^\d+:\d\d$"));

            await Expect(card.GetByText("Ready for infusion")).ToBeVisibleAsync(new() { Timeout = 20_000 });
            await page.ScreenshotAsync(new() { Path = Pages.Screenshot("board.png"), FullPage = true });
            await page.RecordAsync(chair.ControllerId, "Infusion started");
            await Expect(card.Locator(".status")).ToHaveTextAsync("Infusing");
            await page.RecordAsync(chair.ControllerId, "Infusion ended");
            await Expect(card.Locator(".status")).ToHaveTextAsync("Post-cooling");
            await Expect(countdown).ToBeVisibleAsync();
            await Expect(card.Locator(".countdown .caption")).ToContainTextAsync("post-cooling target (20 min)");

            await Expect(card.GetByText("Post-cooling complete: remove cap")).ToBeVisibleAsync(new() { Timeout = 20_000 });
            await page.RecordAsync(chair.ControllerId, "Cap removed: end session");
            await Expect(card.Locator(".status")).ToHaveTextAsync("Completed");

            await card.GetByRole(AriaRole.Link, new() { Name = "Session page" }).ClickAsync();
            await Expect(page.Locator("#session-title")).ToHaveTextAsync("Chair 1 (window) — Completed");
            await Expect(page.Locator("#chart svg polyline.coolant")).ToHaveCountAsync(1);
            await Expect(page.Locator("#chart svg polyline.scalp")).ToHaveCountAsync(1);
            await Expect(page.Locator("#timeline [data-phase='PreCooling']")).ToContainTextAsync("of 20 min target");
            await Expect(page.Locator("#billing")).ToContainTextAsync("97008 billable");
            // In words a nurse or a biller reads: never a rule's name (SESSION_NOT_FINISHED) or a status in code (not-billable).
            await Expect(page.Locator("#billing")).Not.ToContainTextAsync(new Regex("not-billable|held:|[A-Z]{2,}_[A-Z_]{2,}"));
            await Expect(page.Locator("#billing p.code").First).ToContainTextAsync("Date of service");
            await Expect(page.Locator("#audit tbody tr")).ToHaveCountAsync(4);
            await Expect(page.Locator("#fhir .fhir-item[data-status='Sent']")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Expect(page.Locator("#fhir .fhir-attempt").First).ToContainTextAsync("HTTP 200");
            await page.ScreenshotAsync(new() { Path = Pages.Screenshot("session.png"), FullPage = true });
        }
        catch
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "infusionsuite-browser-failure.png"), FullPage = true });
            throw;
        }
        finally
        {
            await stop.CancelAsync();
            await IgnoreCancellationAsync(run);
            await page.Context.CloseAsync();
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task StartForm_LooksThePatientAndTheOpenVisitUpInTheEhr_SoNoIdIsTypedByHand()
    {
        string patientId;
        using (var ehr = new FhirServerReader(station.Ehr))
        {
            patientId = await ehr.CreateAsync(new FhirModel.Patient
            {
                Identifier = [new FhirModel.Identifier("urn:infusionsuite:mrn", "MRN-LOOKUP-5")],
                Name = [new FhirModel.HumanName { Family = "Lookup", Given = ["Beth"] }],
                BirthDate = "1968-02-11",
            });
            await ehr.CreateAsync(new FhirModel.Encounter
            {
                Identifier = [new FhirModel.Identifier("urn:infusionsuite:encounter", "V-LOOKUP-5")],
                Status = FhirModel.Encounter.EncounterStatus.InProgress,
                Class = new FhirModel.Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB"),
                Subject = new FhirModel.ResourceReference("Patient/" + patientId),
            });
        }

        var page = await station.NewPageAsync();
        try
        {
            await page.SignInAsync("alice");
            await page.Chair("CHAIR-05").GetByRole(AriaRole.Button, new() { Name = "Start session" }).ClickAsync();
            var form = page.Locator("#start-dialog");
            await form.GetByLabel("Patient MRN or EHR id").FillAsync("MRN-NOBODY");
            await form.GetByRole(AriaRole.Button, new() { Name = "Find in the EHR by this MRN" }).ClickAsync();
            await Expect(form.Locator("#ehr-results")).ToContainTextAsync("No patient with this MRN at the EHR.");

            await form.GetByLabel("Patient MRN or EHR id").FillAsync("MRN-LOOKUP-5");
            await form.GetByRole(AriaRole.Button, new() { Name = "Find in the EHR by this MRN" }).ClickAsync();
            // One patient however the start was made (issue 14): the MRN stays the identity, the EHR id goes beside it.
            await Expect(form.GetByLabel("Patient MRN or EHR id")).ToHaveValueAsync("MRN-LOOKUP-5");
            await Expect(form.Locator("#patientEhrReference")).ToHaveValueAsync("Patient/" + patientId);
            await Expect(form.GetByLabel("Patient name")).ToHaveValueAsync("Lookup, Beth"); // the EHR's name as it writes it: Family, Given (issue 14)
            await Expect(form.GetByLabel("Encounter (EHR id or visit number)")).ToHaveValueAsync("V-LOOKUP-5"); // the visit number (HL7 PV1-19), not the EHR's id
            await Expect(form.Locator("#ehr-results")).ToContainTextAsync("born 1968-02-11");
            await form.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
            await Expect(form).ToBeHiddenAsync();
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task Engineer_SeesTheChairsButNoPatientData_AndCannotStartOrReadTheAudit()
    {
        using (var nurse = station.Host.Client("alice"))
        {
            var (response, _) = await nurse.PostAsync("/api/sessions", new StartBody("CHAIR-07", PatientReference: "MRN-ENG-7", PatientName: "Hidden Patient"));
            Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        }

        var page = await station.NewPageAsync();
        await page.SignInAsync("eve");
        await Expect(page.Chair("CHAIR-07").Locator(".status")).ToHaveTextAsync("Started");
        var html = await page.ContentAsync();
        Assert.DoesNotContain("Hidden Patient", html, StringComparison.Ordinal);
        Assert.DoesNotContain("MRN-ENG-7", html, StringComparison.Ordinal);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Start session" })).ToHaveCountAsync(0);

        await page.Chair("CHAIR-07").GetByRole(AriaRole.Link, new() { Name = "Session page" }).ClickAsync();
        await Expect(page.Locator("#audit")).ToContainTextAsync("Not shown to your role.");
        Assert.DoesNotContain("Hidden Patient", await page.ContentAsync(), StringComparison.Ordinal);
        await page.GotoAsync("/audit");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 60_000)]
    public async Task UserWithoutRights_IsRefused()
    {
        var page = await station.NewPageAsync();
        await page.GotoAsync("/sessions/any");
        await Expect(page).ToHaveURLAsync(new Regex("/signin"));
        await page.SignInAsync("alice", "not her password");
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Wrong user name or password.");

        await page.SignInAsync("alice");
        await page.GotoAsync("/users");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" })).ToBeVisibleAsync();
        var status = await page.EvaluateAsync<int>("async () => (await fetch('/api/audit')).status");
        Assert.Equal(403, status);
        var forged = await page.EvaluateAsync<int>("async () => (await fetch('/api/sessions', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status");
        Assert.Equal(400, forged); // a cookie POST without the page's antiforgery token
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 60_000)]
    public async Task StartOnAChairNeverHeardFrom_TheFormAsksToConfirmTheChair_ThenStarts_WithBillingDetails()
    {
        // On its own host: the chair it starts stays on the board, and the suite's board has twelve chairs.
        using var db = new TempDatabase();
        var host = await StationHost.StartKestrelAsync(BrowserStation.SuiteSettings(db.Path), new ScaledTimeProvider(BrowserStation.Scale, BrowserStation.Start), FreePort.Next());
        await using var stopHost = host;
        var page = await station.NewPageAsync(host: host.BaseAddress);
        await page.SignInAsync("alice");
        await page.Chair("CHAIR-05").GetByRole(AriaRole.Button, new() { Name = "Start session" }).ClickAsync();
        var form = page.Locator("#start-dialog");
        await Expect(form).ToBeVisibleAsync();
        // A chair list loaded before the configuration changed still offers a chair no controller has ever spoken for.
        await page.EvaluateAsync("() => { const chair = document.getElementById('controllerId'); chair.add(new Option('Chair 93', 'CHAIR-93')); chair.value = 'CHAIR-93'; }");
        await form.GetByLabel("Patient MRN or EHR id").FillAsync("MRN-93");
        await form.GetByLabel("Patient name").FillAsync("Unheard Chair");
        await form.GetByLabel("Chemotherapy administration id").FillAsync("MA-93");
        // Billing details may go with the start (folded away): a bad NPI is named at its field, unfolded.
        await form.GetByText("Billing details (optional").ClickAsync();
        await form.GetByLabel("Ordering provider NPI").FillAsync("1234567890");
        await form.GetByLabel("Diagnoses (ICD-10-CM").FillAsync("C50.911, Z51.11");
        await form.GetByRole(AriaRole.Button, new() { Name = "Start session" }).ClickAsync();
        await Expect(form.Locator("#orderingProviderNpi-error")).ToContainTextAsync("valid check digit");
        await form.GetByLabel("Ordering provider NPI").FillAsync("1234567893");
        await form.GetByRole(AriaRole.Button, new() { Name = "Start session" }).ClickAsync();

        await Expect(form.Locator("#start-error")).ToContainTextAsync("The controller of chair CHAIR-93 has never been heard from");
        var confirm = form.GetByLabel("I have checked the chair: start on it although its controller has never been heard from");
        await Expect(confirm).ToBeVisibleAsync();
        await Expect(form.Locator("#identity-confirm")).ToBeHiddenAsync();
        Assert.Equal(0, await page.Chair("CHAIR-93").CountAsync());
        await confirm.CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Start session" }).ClickAsync();

        await Expect(form).ToBeHiddenAsync();
        await Expect(page.Chair("CHAIR-93").Locator(".patient .name")).ToHaveTextAsync("Unheard Chair");
        using var nurse = host.Client("alice");
        var (_, recent) = await nurse.GetJsonAsync("/api/sessions");
        var (_, session) = await nurse.GetJsonAsync("/api/sessions/" + recent.EnumerateArray().Single(s => s.Text("controllerId") == "CHAIR-93").Text("sessionId"));
        var details = session.GetProperty("billing").GetProperty("details");
        Assert.Equal("1234567893", details.Text("orderingProviderNpi"));
        Assert.Equal(["C50.911", "Z51.11"], details.GetProperty("diagnoses").EnumerateArray().Select(d => d.GetString()));

        // On the session page: the billing details form names the field's problem; the move form shows no empty error bar.
        await page.Chair("CHAIR-93").GetByRole(AriaRole.Link, new() { Name = "Session page" }).ClickAsync();
        var billingForm = page.Locator("#billing-details-form");
        await billingForm.GetByLabel("Ordering provider NPI").FillAsync("123");
        await billingForm.GetByRole(AriaRole.Button, new() { Name = "Save billing details" }).ClickAsync();
        await Expect(billingForm.Locator(".error")).ToContainTextAsync("ordering provider's NPI");
        await Expect(page.Locator("#course-move-form .error")).ToBeHiddenAsync();
        await page.Locator("#course-move-form").GetByRole(AriaRole.Button, new() { Name = "Move this session" }).ClickAsync();
        await Expect(page.Locator("#course-move-form .error")).ToContainTextAsync("give a new course id");
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 60_000)]
    public async Task StartForm_NamesEachMissingField_AndOffersFreeChairsOnly_InTheBoardsOrderWhateverTheLabelStyle()
    {
        // On its own host: chair 5 keeps its controller id as its label, the other style beside "Chair 4" and "Chair 12".
        using var db = new TempDatabase();
        var settings = BrowserStation.SuiteSettings(db.Path);
        settings["NurseStation:Chairs:CHAIR-05"] = "CHAIR-05";
        var clock = new ScaledTimeProvider(1, BrowserStation.Start);
        await using var host = await StationHost.StartKestrelAsync(settings, clock, FreePort.Next());
        using (var nurse = host.Client("alice"))
        {
            var (started, body) = await nurse.PostAsync("/api/sessions", new StartBody("CHAIR-04", PatientReference: "MRN-BUSY-4", PatientName: "Busy Chair", PreCoolingMinutes: 30, PostCoolingMinutes: 90, EffectiveAt: clock.GetUtcNow()));
            Assert.True(started.IsSuccessStatusCode, body.ToString());
        }

        var page = await station.NewPageAsync(host: host.BaseAddress);
        try
        {
            await page.SignInAsync("alice");
            string[] order = ["Chair 1 (window)", "Chair 2", "Chair 3", "Chair 4", "CHAIR-05", "Chair 6", "Chair 7", "Chair 8", "Chair 9", "Chair 10", "Chair 11", "Chair 12"];
            await Expect(page.Locator("article.chair .chair-label")).ToHaveTextAsync(order);

            await page.Chair("CHAIR-06").GetByRole(AriaRole.Button, new() { Name = "Start session" }).ClickAsync();
            var form = page.Locator("#start-dialog");
            await Expect(form).ToBeVisibleAsync();
            await form.GetByRole(AriaRole.Button, new() { Name = "Start session" }).ClickAsync();
            await Expect(form.Locator("#start-error")).ToHaveTextAsync( // each message once: beside its field; the summary names the fields
                "Correct the fields marked below: Patient MRN or EHR id, Patient name, Chemotherapy administration id.");
            await Expect(form.Locator("#patientName-error")).ToHaveTextAsync("Patient name is required.");

            // The chair list: the board's order; the chair with an open session shown but not offered, saying why.
            var chairs = form.Locator("#controllerId option");
            await Expect(chairs).ToHaveTextAsync([.. order.Select(o => o == "Chair 4" ? "Chair 4 (busy: a session is open)" : o)]);
            Assert.Equal(["CHAIR-04"], await chairs.EvaluateAllAsync<string[]>("options => options.filter(o => o.disabled).map(o => o.value)"));
            await Expect(form.Locator("#controllerId")).ToHaveValueAsync("CHAIR-06");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task LateDocumentation_TakesAClockTime_InSiteTime_NotOnlyMinutesAgo()
    {
        // On its own host with a clock at the real pace: 08:00 UTC is 03:00 at the site (New York).
        using var db = new TempDatabase();
        var host = await StationHost.StartKestrelAsync(BrowserStation.SuiteSettings(db.Path), new ScaledTimeProvider(1, BrowserStation.Start), FreePort.Next());
        await using var stopHost = host;
        var page = await station.NewPageAsync(host: host.BaseAddress);
        await page.SignInAsync("alice");
        await page.Chair("CHAIR-04").GetByRole(AriaRole.Button, new() { Name = "Start session" }).ClickAsync();
        var form = page.Locator("#start-dialog");
        await Expect(form).ToBeVisibleAsync();
        await form.GetByLabel("Patient MRN or EHR id").FillAsync("MRN-LATE-4");
        await form.GetByLabel("Patient name").FillAsync("Late Entry");
        await form.GetByLabel("Chemotherapy administration id").FillAsync("MA-LATE-4");
        await form.GetByLabel("… or the time it happened (site time)").FillAsync("02:30");
        await Expect(form.Locator("#startAtTime-at")).ToHaveTextAsync(new Regex(@"^That is 3\d min ago\.$")); // 30 min, and the seconds a loaded machine takes to get here
        await form.GetByLabel("It happened … minutes ago (leave empty for now)").FillAsync("5");
        await form.GetByRole(AriaRole.Button, new() { Name = "Start session" }).ClickAsync();
        await Expect(form.Locator("[data-error-for=\"effectiveAt\"]")).ToHaveTextAsync("Give the minutes ago or the time it happened, not both.");
        await form.GetByLabel("It happened … minutes ago (leave empty for now)").FillAsync(string.Empty);
        await form.GetByRole(AriaRole.Button, new() { Name = "Start session" }).ClickAsync();
        await Expect(form).ToBeHiddenAsync();

        await page.Chair("CHAIR-04").GetByRole(AriaRole.Button, new() { Name = "Cap placed", Exact = true }).ClickAsync();
        var action = page.Locator("#action-dialog");
        await action.GetByLabel("… or the time it happened (site time)").FillAsync("02:41");
        await action.GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();
        await Expect(action).ToBeHiddenAsync();

        using var nurse = host.Client("alice");
        var (_, recent) = await nurse.GetJsonAsync("/api/sessions");
        var sessionId = recent.EnumerateArray().Single(s => s.Text("controllerId") == "CHAIR-04").Text("sessionId");
        var (_, session) = await nurse.GetJsonAsync("/api/sessions/" + sessionId);
        var audit = session.GetProperty("audit").EnumerateArray().ToDictionary(a => a.Text("action")!, a => a.GetProperty("effectiveAt").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 7, 30, 0, TimeSpan.Zero), audit["StartSession"]);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 7, 41, 0, TimeSpan.Zero), audit["CapPlaced"]);
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = 60_000)]
    public async Task ScriptTypedIntoTheStartForm_ShowsAsText()
    {
        const string Typed = "<script>window.pwned = 1</script><img src=x onerror=\"window.pwned = 2\">";
        var page = await station.NewPageAsync();
        var dialogs = 0;
        page.Dialog += (_, dialog) =>
        {
            dialogs++;
            _ = dialog.DismissAsync();
        };
        await page.SignInAsync("alice");
        await page.StartSessionAsync("CHAIR-06", "MRN-<b>6</b>", Typed, preCooling: 30, postCooling: 90);

        await Expect(page.Chair("CHAIR-06").Locator(".patient .name")).ToHaveTextAsync(Typed);
        await Expect(page.Chair("CHAIR-06").Locator(".patient .mrn")).ToHaveTextAsync("MRN MRN-<b>6</b>");
        await page.Chair("CHAIR-06").GetByRole(AriaRole.Link, new() { Name = "Session page" }).ClickAsync();
        await Expect(page.Locator("#session-patient")).ToContainTextAsync(Typed);
        await page.GotoAsync("/");
        await Expect(page.Locator("#recent")).ToContainTextAsync(Typed);

        Assert.Equal(0, dialogs);
        Assert.Equal("none", await page.EvaluateAsync<string>("() => String(window.pwned ?? 'none')"));
        Assert.Equal(0, await page.Locator("#board img, #recent img, #board b").CountAsync());
        await page.Context.CloseAsync();
    }

    /// <summary>The normal session, shortened: the nurse starts during fitting; SETPOINT comes after the start so "ready" can be judged.</summary>
    private static Scenario OneChair()
    {
        Assert.True(BuiltInScenarios.TryGet("normal", out var normal));
        return normal with
        {
            Controller = normal.Controller with { TelemetryHz = 0.2, PulldownMinutes = 4 },
            Session = normal.Session with
            {
                PrechillMinutes = 6, FittingMinutes = 15, FirstOfCourse = false,
                PrecoolTargetMinutes = 20, InfusionMinutes = 6, PostcoolTargetMinutes = 20, PostcoolMinutes = 90,
            },
            Incidents = [new Incident { Kind = IncidentKind.Setpoint, Phase = SessionPhase.Fitting, AtMinutes = 12, SetpointC = -5.0m }],
        };
    }

    private static async Task<int> SecondsAsync(ILocator countdown) =>
        int.Parse((await countdown.GetAttributeAsync("data-seconds"))!, CultureInfo.InvariantCulture);

    private static async Task IgnoreCancellationAsync(Task run)
    {
        try
        {
            await run;
        }
        catch (OperationCanceledException)
        {
            // the chair was stopped at the end of the test
        }
    }
}
