using System.Text.Json;
using InfusionSuite.Application.Outbox;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Hl7.Tests;
using InfusionSuite.Simulator.Running;
using InfusionSuite.Testing;
using Microsoft.Extensions.DependencyInjection;
using static InfusionSuite.Hl7.Tests.PeerReceived;

namespace InfusionSuite.Worker.Tests.Delivery;

/// <summary>
/// billing.md §5 end to end: a site that holds charges without a visit → the session ends without one →
/// its charges are held (the page says why; the engine gets the documentation, no charge) → staff give the
/// visit, ordering provider and diagnosis over the API after the end (audited) → billing is decided again →
/// the engine gets the charge with the visit (PV1-19), diagnosis (FT1-19), ordering provider (FT1-21), the
/// site's department (FT1-13) and charge-master number (FT1-7.4), and the FHIR ChargeItem turns billable.
/// </summary>
public sealed class HeldChargeDeliveryTests
{
    [Fact(Timeout = 120_000)]
    public async Task ChargeWithoutAVisit_IsHeld_UntilStaffGiveTheVisitAfterTheEnd_ThenItsChargeIsSentWithWhatBillingNeeds()
    {
        await using var peer = await Hl7Peer.StartAsync();
        using var db = new TempDatabase();
        await using var worker = await WorkerHost.StartAsync(Settings(db.Path, peer.Port), new ScaledTimeProvider(1000, Scenarios.Start));
        using var staff = await ApiNurse.SignUpAsync(worker, "billing-clerk");
        var sessionId = await CompletedWithoutVisitAsync(worker);
        await SentAsync(worker, sessionId, 1);

        var page = await staff.GetAsync("/api/sessions/" + sessionId);
        var held = page.GetProperty("billing").GetProperty("codes").EnumerateArray().Single(c => c.GetProperty("code").GetString() == "97008");
        Assert.False(held.GetProperty("billable").GetBoolean());
        Assert.Equal("held", held.GetProperty("status").GetString()); // its own decision (billing.md §5), not "not billable"
        Assert.Contains("NO_VISIT", held.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["ORU^R01"], (await peer.WaitForAsync(1)).Select(r => r.MessageType));
        Assert.Equal("planned", ChargeItemStatus(await FhirPayloadsAsync(worker, sessionId), "97008"));

        await staff.PostAsync($"/api/sessions/{sessionId}/billing-details", new { visit = "V-5501", orderingProviderNpi = "1234567893", diagnoses = new[] { "C50.911" } });

        var items = await SentAsync(worker, sessionId, 3);
        Assert.Equal(OutboxItemKind.Correction, items[^1].Kind);
        var received = await peer.WaitForAsync(3);
        Assert.All(received, r => Assert.Empty(r.Problems));
        var dft = received.Single(r => r.MessageType == "DFT^P03");
        var ft1 = dft.One("FT1");
        Assert.Equal(("97008", "CG", "1"), (Value(ft1, 7), Value(ft1, 6), Value(ft1, 10)));
        Assert.Equal(("CDM-40097008", "CDM"), (Value(ft1, 7, 4), Value(ft1, 7, 6)));
        Assert.Equal("ONC-INF", Value(ft1, 13));
        Assert.Equal("C50.911", Value(ft1, 19));
        Assert.Equal("1234567893", Value(ft1, 21));
        Assert.Equal("V-5501", Value(dft.One("PV1"), 19));
        Assert.Equal("C", Value(received.Last(r => r.MessageType == "ORU^R01").One("OBR"), 25));

        var after = await staff.GetAsync("/api/sessions/" + sessionId);
        var given = after.GetProperty("billing").GetProperty("codes").EnumerateArray().Single(c => c.GetProperty("code").GetString() == "97008");
        Assert.True(given.GetProperty("billable").GetBoolean());
        Assert.Equal("billable", given.GetProperty("status").GetString());
        Assert.Equal("V-5501", after.GetProperty("billing").GetProperty("details").GetProperty("visit").GetString());
        var audit = after.GetProperty("audit").EnumerateArray().Select(a => a.GetProperty("change").GetString()).ToList();
        Assert.Contains("billing details given: visit, ordering provider, 1 diagnosis code(s)", audit);
        Assert.DoesNotContain(audit, a => a!.Contains("V-5501", StringComparison.Ordinal) || a.Contains("C50", StringComparison.Ordinal));
        Assert.Equal("billable", ChargeItemStatus(await FhirPayloadsAsync(worker, sessionId), "97008"));
    }

    [Fact(Timeout = 120_000)]
    public async Task BadNpi_Is400NamingTheField_AndAVoidedSessionRefusesDetails()
    {
        using var db = new TempDatabase();
        await using var worker = await WorkerHost.StartAsync(Worker.Tests.Settings.For(db.Path), new ScaledTimeProvider(1000, Scenarios.Start));
        using var staff = await ApiNurse.SignUpAsync(worker, "billing-clerk-2");
        var sessionId = await CompletedWithoutVisitAsync(worker);

        var bad = await staff.PostRawAsync($"/api/sessions/{sessionId}/billing-details", new { orderingProviderNpi = "1234567890" });
        Assert.Equal(400, bad.Status);
        Assert.Contains("orderingProviderNpi", bad.Body, StringComparison.Ordinal);

        Assert.True((await worker.Nurse.VoidAsync(sessionId, "nurse-8", VoidReason.WrongPatient, null, Wait.Token())).IsAccepted);
        var refused = await staff.PostRawAsync($"/api/sessions/{sessionId}/billing-details", new { visit = "V-1" });
        Assert.Equal(409, refused.Status);
    }

    private static Dictionary<string, string?> Settings(string databasePath, int port)
    {
        var settings = Hl7Worker.Settings(databasePath, port);
        // Billing:HoldChargesWithoutVisit is left at its default: held (billing.md §5).
        settings["Billing:Department"] = "ONC-INF";
        settings["Billing:ChargeMaster:97008:Number"] = "CDM-40097008";
        settings["Billing:ChargeMaster:97008:RevenueCode"] = "0940";
        return settings;
    }

    /// <summary>A session documented by the nurse alone, started without a visit.</summary>
    private static Task<string> CompletedWithoutVisitAsync(WorkerHost worker) => Hl7Worker.CompletedAsync(worker, "MRN-HV", "HV", "Rivera, Ana", withVisit: false);

    private static Task<IReadOnlyList<OutboxItem>> SentAsync(WorkerHost worker, string sessionId, int count) => Hl7Worker.AllSentAsync(worker, sessionId, count);

    private static async Task<IReadOnlyList<string>> FhirPayloadsAsync(WorkerHost worker, string sessionId) =>
        [.. (await Hl7Worker.ItemsAsync(worker.Services.GetRequiredService<IOutbox>(), sessionId, "application/fhir+json")).Select(i => i.Payload).Where(p => p.Length > 0)];

    /// <summary>The status of the latest ChargeItem for <paramref name="code"/> in the session's Bundles.</summary>
    private static string? ChargeItemStatus(IReadOnlyList<string> bundles, string code) =>
        bundles.SelectMany(b => JsonDocument.Parse(b).RootElement.GetProperty("entry").EnumerateArray())
            .Select(e => e.GetProperty("resource"))
            .Where(r => r.GetProperty("resourceType").GetString() == "ChargeItem"
                && r.GetProperty("code").GetProperty("coding")[0].GetProperty("code").GetString() == code)
            .Select(r => r.GetProperty("status").GetString())
            .LastOrDefault();
}
