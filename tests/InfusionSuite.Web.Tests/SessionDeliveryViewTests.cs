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
        await Host.Services.GetRequiredService<IOutbox>().EnqueueAsync(
            new OutboxItem
            {
                Id = Guid.CreateVersion7(now),
                SessionId = id,
                Kind = OutboxItemKind.Session,
                ContentType = "application/fhir+json",
                Payload = Bundle.ReplaceLineEndings(string.Empty),
                EnqueuedAt = now,
                NextAttemptAt = now,
                Status = OutboxStatus.Parked,
                ParkedReason = "Held: MRN-SECRET-88 is not known to the EHR.",
                Attempts = [new OutboxAttempt(1, now, now, OutboxAttemptOutcome.Rejected, null, "Procedure 97008 → Procedure/abc (created)\nHeld: MRN-SECRET-88")],
            },
            CancellationToken.None);

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
}
