using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using InfusionSuite.Application.Outbox;
using InfusionSuite.Domain.Tests;
using InfusionSuite.Hl7.Configuration;
using InfusionSuite.Hl7.Messages;
using InfusionSuite.Hl7.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionSuite.Web.Tests;

/// <summary>What was sent for a session to the EHR (FHIR) and the interface engine (HL7 v2), readable: payloads, summaries and attempts for nurses; neither the receivers' texts nor the payloads for engineers; staff actions on a parked item.</summary>
public sealed partial class SessionDeliveryViewTests : StationTest
{
    private const string Bundle = """
        {"resourceType":"Bundle","type":"transaction","entry":[
          {"fullUrl":"urn:uuid:9f6c1c52-8a55-5f3e-9d7e-0c1a2b3c4d5e","resource":{"resourceType":"Procedure","status":"completed",
            "code":{"coding":[{"system":"http://www.ama-assn.org/go/cpt","code":"97008","display":"Scalp cooling session"}]},
            "subject":{"reference":"Patient/p-88"},"note":[{"text":"Pre-cooling 30 of 30 min; deviation SHORT_POSTCOOL."}]},
           "request":{"method":"POST","url":"Procedure"}}]}
        """;

    [Fact(Timeout = 30_000)]
    public async Task NurseReadsWhatWasSentAndEachAttempt_EngineerSeesNeitherTheEhrsTextNorThePayload()
    {
        using var nurse = Host.Client("alice");
        var (_, started) = await nurse.PostAsync("/api/sessions", new StartBody("CHAIR-01"));
        var id = started.Text("sessionId")!;
        var now = Clock.GetUtcNow();
        await EnqueueAsync(Item(id, now) with
        {
            Status = OutboxStatus.Parked,
            Reason = "Held: MRN-SECRET-88 is not known to the EHR.",
            Attempts = [new OutboxAttempt(1, now, now, OutboxAttemptOutcome.Rejected, null, "Procedure 97008 → Procedure/abc (created)\nHeld: MRN-SECRET-88")],
        });

        var (_, sent) = await nurse.GetJsonAsync($"/api/sessions/{id}/fhir");
        var item = Assert.Single(sent.EnumerateArray());
        Assert.Contains("\n", item.Text("payload"), StringComparison.Ordinal);
        Assert.Equal(
            "Procedure 97008 Scalp cooling session: completed (create) — Pre-cooling 30 of 30 min; deviation SHORT_POSTCOOL.",
            Assert.Single(item.GetProperty("summary").EnumerateArray()).GetString());
        var (_, page) = await nurse.GetJsonAsync("/api/sessions/" + id);
        var shown = Assert.Single(page.GetProperty("fhir").GetProperty("items").EnumerateArray());
        Assert.Equal("Held: MRN-SECRET-88 is not known to the EHR.", shown.Text("parkedReason"));
        Assert.Equal(1, shown.GetProperty("summary").GetArrayLength());

        using var engineer = Host.Client("eve");
        var engineerPage = await engineer.GetStringAsync("/api/sessions/" + id);
        Assert.DoesNotContain("MRN-SECRET-88", engineerPage, StringComparison.Ordinal);
        Assert.DoesNotContain("SHORT_POSTCOOL", engineerPage, StringComparison.Ordinal);
        Assert.Contains("\"detailsHidden\":true", engineerPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await engineer.GetAsync($"/api/sessions/{id}/fhir")).StatusCode);
    }

    [Fact(Timeout = 30_000)]
    public async Task EachResourcesServerIdAndWhatWasLeftOut_AreShownPerItemAndPerAttempt()
    {
        using var nurse = Host.Client("alice");
        var (_, started) = await nurse.PostAsync("/api/sessions", new StartBody("CHAIR-02"));
        var id = started.Text("sessionId")!;
        var now = Clock.GetUtcNow();
        ReceiverResource[] first =
        [
            new("Procedure 97008", null, ReceiverResource.NoAnswer),
        ];
        ReceiverResource[] second =
        [
            new("Procedure 97008", "Procedure/p-17", "found"),
            new("Observation pre-cooling", "Observation/o-4", "created") { Request = "POST Observation", HttpStatus = 201 },
            new("ChargeItem 97008", null, ReceiverResource.LeftOut) { Reason = "the EHR does not take ChargeItem" },
        ];
        await EnqueueAsync(Item(id, now) with
        {
            Status = OutboxStatus.Sent,
            SentAt = now,
            Attempts =
            [
                new OutboxAttempt(1, now, now, OutboxAttemptOutcome.TransientFailure, null, "Procedure 97008 → no answer (timeout)") { Resources = first },
                new OutboxAttempt(2, now, now, OutboxAttemptOutcome.Sent, 200, "3 lines") { Resources = second },
            ],
        });

        foreach (var path in new[] { "/api/sessions/" + id, $"/api/sessions/{id}/fhir" })
        {
            var (_, body) = await nurse.GetJsonAsync(path);
            var item = path.EndsWith("/fhir", StringComparison.Ordinal)
                ? Assert.Single(body.EnumerateArray())
                : Assert.Single(body.GetProperty("fhir").GetProperty("items").EnumerateArray());
            var rows = item.GetProperty("atReceiver").EnumerateArray()
                .Select(r => $"{r.Text("key")} | {r.Text("reference")} | {r.Text("outcome")} | {r.Text("reason")}").ToList();
            Assert.Equal(
                [
                    "Procedure 97008 | Procedure/p-17 | found | ",
                    "Observation pre-cooling | Observation/o-4 | created | ",
                    "ChargeItem 97008 |  | left out | the EHR does not take ChargeItem",
                ],
                rows);
            // Each request sent one resource at a time: method and URL, the EHR's status, in how many attempts.
            var observation = item.GetProperty("atReceiver")[1];
            Assert.Equal(("Observation", "POST Observation", 201, 1), (observation.Text("resourceType"), observation.Text("request"), observation.GetProperty("httpStatus").GetInt32(), observation.GetProperty("attempts").GetInt32()));
            // Every request of every attempt, in order: the first attempt's lost POST stays listed after the retry found it.
            Assert.Equal(
                [(1, "Procedure 97008", "no answer"), (2, "Procedure 97008", "found"), (2, "Observation pre-cooling", "created"), (2, "ChargeItem 97008", "left out")],
                item.GetProperty("requests").EnumerateArray().Select(r => (r.GetProperty("attempt").GetInt32(), r.Text("key")!, r.Text("outcome")!)));
            var attempts = item.GetProperty("attempts").EnumerateArray().ToList();
            Assert.Equal("no answer", Assert.Single(attempts[0].GetProperty("resources").EnumerateArray()).Text("outcome"));
            Assert.Equal(3, attempts[1].GetProperty("resources").GetArrayLength());
        }
    }

    [Fact(Timeout = 90_000)]
    public async Task StaffHandleAnItemOutside_ThePageSaysWhoWhenAndWhyInWords_InTheItemAndTheAuditTrail_WithNoNextAttempt()
    {
        using var nurse = Host.Client("alice");
        var (_, started) = await nurse.PostAsync("/api/sessions", new StartBody("CHAIR-03"));
        var id = started.Text("sessionId")!;
        var now = Clock.GetUtcNow();
        var item = Item(id, now) with
        {
            Status = OutboxStatus.Parked,
            Reason = "Procedure 97008: refused.",
            NextAttemptAt = now - TimeSpan.FromHours(1),
            Attempts = [new OutboxAttempt(1, now, now, OutboxAttemptOutcome.Rejected, 422, "Procedure 97008 → HTTP 422") { Resources = [new("Procedure 97008", null, ReceiverResource.Refused) { Request = "POST Procedure", HttpStatus = 422 }] }],
        };
        await EnqueueAsync(item);

        var (handled, _) = await nurse.PostAsync($"/api/outbox/{item.Id}/handled-outside", new { note = "keyed into the EHR by hand" });
        Assert.Equal(HttpStatusCode.OK, handled.StatusCode);

        var (_, page) = await nurse.GetJsonAsync("/api/sessions/" + id);
        var shown = Assert.Single(page.GetProperty("fhir").GetProperty("items").EnumerateArray());
        Assert.Equal("Handled outside InfusionSuite", shown.Text("statusWords"));
        Assert.Equal(JsonValueKind.Null, shown.GetProperty("nextAttemptAt").ValueKind);
        var by = shown.GetProperty("handledOutside");
        Assert.Equal(("Alice Nurse", "keyed into the EHR by hand"), (by.Text("by"), by.Text("note")));
        var audit = Assert.Single(page.GetProperty("audit").EnumerateArray(), a => a.Text("actionWords") == "Handled outside InfusionSuite");
        Assert.Equal("Alice Nurse", audit.Text("by"));
        Assert.Contains("keyed into the EHR by hand", audit.Text("change"), StringComparison.Ordinal);
        Assert.Contains(item.Id.ToString("D"), audit.Text("change"), StringComparison.Ordinal);
    }

    [Fact(Timeout = 90_000)]
    public async Task HandledOutsideWithTheEhrsId_OfThePartTheItemStoppedAt_RequeuesIt_AWrongIdIsAFieldError()
    {
        using var nurse = Host.Client("alice");
        var (_, started) = await nurse.PostAsync("/api/sessions", new StartBody("CHAIR-04"));
        var id = started.Text("sessionId")!;
        var item = await ParkedAfterALostAnswerAsync(id);
        var (_, before) = await nurse.GetJsonAsync("/api/sessions/" + id);
        Assert.Equal("Procedure 97008", Assert.Single(Assert.Single(before.GetProperty("fhir").GetProperty("items").EnumerateArray()).GetProperty("waitsOnIds").EnumerateArray()).GetString());

        var (wrong, problem) = await nurse.PostAsync($"/api/outbox/{item.Id}/handled-outside", new { note = "found it", ehrId = "Observation/o-1" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("ehrId", out _), problem.ToString());
        var (given, _) = await nurse.PostAsync($"/api/outbox/{item.Id}/handled-outside", new { note = "found it", ehrId = "Procedure/p-9" });
        Assert.Equal(HttpStatusCode.OK, given.StatusCode);

        var (_, page) = await nurse.GetJsonAsync("/api/sessions/" + id);
        var shown = Assert.Single(page.GetProperty("fhir").GetProperty("items").EnumerateArray());
        Assert.Equal("Pending", shown.Text("status"));
        var rows = shown.GetProperty("requests").EnumerateArray().Select(r => (r.GetProperty("attempt").GetInt32(), r.Text("key"), r.Text("reference"), r.Text("outcome"))).ToList();
        Assert.Equal([(1, "Procedure 97008", null, ReceiverResource.NoAnswer), (2, "Procedure 97008", "Procedure/p-9", ReceiverResource.GivenByStaff)], rows);
        Assert.Contains(page.GetProperty("audit").EnumerateArray(), a => a.Text("change")!.Contains("Procedure/p-9", StringComparison.Ordinal));
    }

    /// <summary>
    /// Issue 14 (trial): HL7 v2 items sat under the FHIR heading as identical lines ("Void: Sent"). Each item names its channel
    /// (the page heads each its own) and an HL7 item's lines say, as an interface analyst reads them, the message type and event,
    /// a DFT^P03's charge or credit with code × units, an ORU^R01's result status (OBX-11) and its values.
    /// </summary>
    [Fact(Timeout = 30_000)]
    public async Task Hl7Items_SayTypeAndEvent_ChargeOrCreditWithCodeAndUnits_AndTheResultStatus_UnderTheirOwnChannel()
    {
        using var nurse = Host.Client("alice");
        var (_, started) = await nurse.PostAsync("/api/sessions", new StartBody("CHAIR-05"));
        var id = started.Text("sessionId")!;
        var completed = SessionsInEveryStatus.All["Completed"]().Record;
        var voided = SessionsInEveryStatus.All["Voided"]().Record;
        var messages = new SessionMessages(new Hl7Options { Enabled = true, Host = "127.0.0.1" }, TimeZoneInfo.Utc, Clock);
        var context = new Hl7SessionContext { PatientId = "MRN-1" };
        var line = new ChargeLine("97009", new DateOnly(2026, 11, 27), 3, "T-1", "Scalp cooling, each 30 min");
        await EnqueueAsync(Item(id, Clock.GetUtcNow()));
        (OutboxItemKind, Hl7OutgoingMessage)[] sent =
        [
            (OutboxItemKind.Session, messages.Observations(completed, context)),
            (OutboxItemKind.Session, messages.Charge(completed, context, new ChargePosting(line, Credit: false))),
            (OutboxItemKind.Correction, messages.Observations(completed, context with { Correction = true })),
            (OutboxItemKind.Void, messages.Observations(voided, context)),
            (OutboxItemKind.Void, messages.Charge(voided, context, new ChargePosting(line, Credit: true))),
        ];
        foreach (var (kind, message) in sent)
        {
            Clock.Advance(TimeSpan.FromSeconds(1));
            await EnqueueAsync(Hl7OutboxItems.Create(id, kind, message, Clock.GetUtcNow()));
        }

        var (_, page) = await nurse.GetJsonAsync("/api/sessions/" + id);
        var items = page.GetProperty("fhir").GetProperty("items").EnumerateArray().OrderBy(i => i.Text("enqueuedAt"), StringComparer.Ordinal).ToList();
        Assert.Equal(["fhir", "hl7v2", "hl7v2", "hl7v2", "hl7v2", "hl7v2"], items.Select(i => i.Text("channel")));
        var lines = items.Skip(1).Select(i => i.GetProperty("summary").EnumerateArray().Select(l => l.GetString()!).ToList()).ToList();
        Assert.StartsWith("ORU^R01 result ", lines[0][0], StringComparison.Ordinal);
        Assert.EndsWith(", final (OBX-11 F); OBR-25 F", lines[0][0], StringComparison.Ordinal);
        Assert.Contains(lines[0], l => l.StartsWith("OBX ", StringComparison.Ordinal) && l.EndsWith(" min (F)", StringComparison.Ordinal));
        Assert.Equal(["DFT^P03 charge (FT1-6 CG): 97009 Scalp cooling, each 30 min × 3, date of service 2026-11-27"], lines[1]);
        Assert.EndsWith(", corrected (OBX-11 C); OBR-25 C", lines[2][0], StringComparison.Ordinal);
        Assert.EndsWith(", wrong, entered in error (OBX-11 W); OBR-25 C", lines[3][0], StringComparison.Ordinal);
        Assert.All(lines[3].Skip(1), l => Assert.EndsWith("(W)", l, StringComparison.Ordinal));
        Assert.Equal(["DFT^P03 credit (FT1-6 CD): 97009 Scalp cooling, each 30 min × 3, date of service 2026-11-27"], lines[4]);

        // A role without patient data still sees which channel each item goes by, not what it carries.
        using var engineer = Host.Client("eve");
        var (_, seen) = await engineer.GetJsonAsync("/api/sessions/" + id);
        Assert.All(seen.GetProperty("fhir").GetProperty("items").EnumerateArray(), i =>
        {
            Assert.NotNull(i.Text("channel"));
            Assert.Equal(0, i.GetProperty("summary").GetArrayLength());
        });
    }

    /// <summary>
    /// Issue 14 (trial): "Handled outside InfusionSuite" asked with two native prompt boxes (the note, then the EHR's id), where the
    /// server's field errors had nowhere to go. The session page has a form for it, a dialog like the station's others: each field
    /// the API names in its 400 answer has a control and a place for its error there, and no script the page runs opens a native box.
    /// </summary>
    [Fact(Timeout = 30_000)]
    public async Task HandledOutside_IsADialogOnTheSessionPage_WithAPlaceForEachFieldErrorTheApiGives_AndNoNativeBox()
    {
        using var nurse = Host.Client("alice");
        var (_, started) = await nurse.PostAsync("/api/sessions", new StartBody("CHAIR-06"));
        var id = started.Text("sessionId")!;
        var item = await ParkedAfterALostAnswerAsync(id);

        // The API's field errors: a blank note, an id that does not fit the part the item stopped at.
        var fields = new List<string>();
        foreach (var body in new object[] { new { note = " " }, new { note = "found it", ehrId = "Observation/o-1" } })
        {
            var (refused, problem) = await nurse.PostAsync($"/api/outbox/{item.Id}/handled-outside", body);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            fields.AddRange(problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        }

        Assert.Equal(["note", "ehrId"], fields);
        using var browser = Host.Client(null);
        Assert.Equal(HttpStatusCode.Redirect, (await AccessTests.SignInAsync(browser, "alice", StationHost.Password, AccessTests.FormToken(await browser.GetStringAsync("/signin")))).StatusCode);
        var html = await browser.GetStringAsync("/sessions/" + id);
        var dialog = OutboxDialog().Match(html);
        Assert.True(dialog.Success, "The session page has no dialog for \"handled outside\".");
        foreach (var field in fields)
        {
            Assert.Matches($"<(input|textarea)[^>]* name=\"{field}\"", dialog.Value);
            Assert.Contains($"data-error-for=\"{field}\"", dialog.Value, StringComparison.Ordinal);
        }

        // Every script the session page runs (session.js and what it imports): no native prompt, confirm or alert box.
        var scripts = new Queue<string>(["session.js"]);
        var read = new HashSet<string>(StringComparer.Ordinal);
        while (scripts.TryDequeue(out var script))
        {
            if (!read.Add(script))
            {
                continue;
            }

            var text = await browser.GetStringAsync("/static/" + script);
            Assert.DoesNotMatch(NativeBox(), text);
            foreach (Match import in ScriptImport().Matches(text))
            {
                scripts.Enqueue(import.Groups[1].Value);
            }
        }

        Assert.Contains("forms.js", read);
    }

    private static OutboxItem Item(string sessionId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        SessionId = sessionId,
        Kind = OutboxItemKind.Session,
        ContentType = "application/fhir+json",
        Payload = Bundle.ReplaceLineEndings(string.Empty),
        EnqueuedAt = now,
        NextAttemptAt = now,
    };

    /// <summary>A parked item of the session whose Procedure's create got no answer: staff may give its id at the EHR.</summary>
    private async Task<OutboxItem> ParkedAfterALostAnswerAsync(string sessionId)
    {
        var now = Clock.GetUtcNow();
        var item = Item(sessionId, now) with
        {
            Status = OutboxStatus.Parked,
            Reason = "Procedure 97008 was sent but its answer was lost.",
            Attempts = [new OutboxAttempt(1, now, now, OutboxAttemptOutcome.TransientFailure, null, "Procedure 97008 → no answer") { Resources = [new("Procedure 97008", null, ReceiverResource.NoAnswer) { Request = "POST Procedure" }] }],
        };
        await EnqueueAsync(item);
        return item;
    }

    private Task EnqueueAsync(OutboxItem item) => Host.Services.GetRequiredService<IOutbox>().EnqueueAsync(item, CancellationToken.None);

    [GeneratedRegex("<dialog id=\"outbox-dialog\".*?</dialog>", RegexOptions.Singleline)]
    private static partial Regex OutboxDialog();

    [GeneratedRegex(@"\bwindow\.(prompt|confirm|alert)\b|(?<![\w.$])(alert|confirm)\s*\(")]
    private static partial Regex NativeBox();

    [GeneratedRegex(@"from '\./([\w-]+\.js)'")]
    private static partial Regex ScriptImport();
}
