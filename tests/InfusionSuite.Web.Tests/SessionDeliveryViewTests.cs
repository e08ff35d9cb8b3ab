using System.Net;
using InfusionSuite.Application.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionSuite.Web.Tests;

/// <summary>What was sent to the EHR for a session, readable: payloads, summaries and attempts for nurses; neither the EHR's texts nor the payloads for engineers.</summary>
public sealed class SessionDeliveryViewTests : StationTest
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
            ParkedReason = "Held: MRN-SECRET-88 is not known to the EHR.",
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
            var attempts = item.GetProperty("attempts").EnumerateArray().ToList();
            Assert.Equal("no answer", Assert.Single(attempts[0].GetProperty("resources").EnumerateArray()).Text("outcome"));
            Assert.Equal(3, attempts[1].GetProperty("resources").GetArrayLength());
        }
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

    private Task EnqueueAsync(OutboxItem item) => Host.Services.GetRequiredService<IOutbox>().EnqueueAsync(item, CancellationToken.None);
}
