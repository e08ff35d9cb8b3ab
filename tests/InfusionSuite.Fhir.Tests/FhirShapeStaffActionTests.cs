using Hl7.Fhir.Model;
using InfusionSuite.Application.Outbox;
using InfusionSuite.Fhir.Delivery;
using InfusionSuite.Fhir.Shapes;
using Microsoft.Extensions.DependencyInjection;
using Task = System.Threading.Tasks.Task;

namespace InfusionSuite.Fhir.Tests;

/// <summary>
/// Every lost answer ends found by search, or parked with an action that lets the rest go on: staff who find the
/// resource at the EHR give its id with "handled outside InfusionSuite", and the item's charges and Observations follow.
/// </summary>
public sealed partial class FhirShapeDeliveryTests
{
    [Fact]
    public async Task MillenniumProcedureAnswerLost_StaffGiveTheIdTheyFound_TheChargesGoThroughCreateAndNothingIsDuplicated()
    {
        await server.Control("mode?name=millennium");
        using var harness = Harness(FhirDeliveryShape.Millennium);
        var record = SimulatedSessions.Normal("shp-lost-id");
        var charges = SimulatedSessions.Charges(record);
        var m = await PatientAsync("millennium", "lost-id");
        await server.Control("drop-response-next?method=POST&path=Procedure");

        var parked = await SendAsync(harness, record, m, charges, expect: OutboxStatus.Parked);
        Assert.Contains("giving its id", parked.ParkedReason, StringComparison.Ordinal);
        Assert.Equal(0, (await _reader.CountsForPatientAsync(m.PatientId))["ChargeItem"]);
        var procedure = Assert.Single(await _reader.SearchAsync<Procedure>($"patient=Patient/{m.PatientId}"));

        Assert.Equal("Procedure 97008", Assert.Single(ReceiverIds.Waiting(parked)));
        Assert.NotNull(await harness.StaffActions.ReceiverIdRefusedAsync(parked.Id, "ChargeItem/" + procedure.Id, CancellationToken.None));
        Assert.True(await harness.StaffActions.MarkHandledOutsideAsync(parked.Id, "nurse-7", "found it in the chart", "Procedure/" + procedure.Id, CancellationToken.None));
        var sent = await harness.SettleAsync(parked.Id);

        Assert.Equal(OutboxStatus.Sent, sent.Status);
        Assert.Equal(Takes.For("millennium").Counts(1, 6, charges, Billable(charges)), await _reader.CountsForPatientAsync(m.PatientId));
        var given = Assert.Single(sent.Attempts, a => a.Outcome == OutboxAttemptOutcome.GivenByStaff);
        Assert.Equal(new ReceiverResource("Procedure 97008", "Procedure/" + procedure.Id, ReceiverResource.GivenByStaff) { Reason = "found it in the chart" }, Assert.Single(given.Resources));
        var audit = Assert.Single(harness.Outbox.StaffAudit);
        Assert.Equal(("nurse-7", ParkedItemActions.HandledOutsideAction), (audit.Actor, audit.Action));
        Assert.Contains("Procedure/" + procedure.Id, audit.Detail, StringComparison.Ordinal);
        Assert.Contains("found it in the chart", audit.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MillenniumProcedureAnswerLost_HandledOutsideWithoutItsId_ALaterCorrectionNeverPostsASecondProcedure()
    {
        await server.Control("mode?name=millennium");
        using var harness = Harness(FhirDeliveryShape.Millennium);
        var (ended, documented) = SimulatedSessions.CompletedThenDocumented("shp-lost-later");
        var m = await PatientAsync("millennium", "lost-later");
        await server.Control("drop-response-next?method=POST&path=Procedure");
        var parked = await SendAsync(harness, ended, m, SimulatedSessions.Charges(ended), expect: OutboxStatus.Parked);
        Assert.True(await harness.StaffActions.MarkHandledOutsideAsync(parked.Id, "nurse-7", "keyed the charges by hand", CancellationToken.None));

        var correction = await SendAsync(harness, documented, m, SimulatedSessions.Charges(documented), correction: true, expect: OutboxStatus.Parked);

        Assert.Contains(SentResources.LostAnswerMarker, correction.ParkedReason, StringComparison.Ordinal);
        var procedure = Assert.Single(await _reader.SearchAsync<Procedure>($"patient=Patient/{m.PatientId}"));
        Assert.True(await harness.StaffActions.MarkHandledOutsideAsync(correction.Id, "nurse-7", "found it", procedure.Id!, CancellationToken.None));
        var after = await harness.SettleAsync(correction.Id);
        Assert.Single(await _reader.SearchAsync<Procedure>($"patient=Patient/{m.PatientId}"));
        Assert.Contains($"Procedure/{procedure.Id}", after.ParkedReason, StringComparison.Ordinal); // the hand edit names the id staff gave
    }

    [Fact]
    public async Task ItemBehindAParkedOne_SaysWhatItWaitsFor_AndGoesOnceStaffGiveTheId()
    {
        await server.Control("mode?name=millennium");
        using var harness = Harness(FhirDeliveryShape.Millennium);
        var (ended, documented) = SimulatedSessions.CompletedThenDocumented("shp-waits");
        var m = await PatientAsync("millennium", "waits");
        await server.Control("drop-response-next?method=POST&path=Procedure");
        var parked = await SendAsync(harness, ended, m, SimulatedSessions.Charges(ended), expect: OutboxStatus.Parked);
        var later = harness.Enqueue(documented, Context(documented, m, SimulatedSessions.Charges(documented)), correction: true);

        await harness.Dispatcher.DispatchDueAsync(CancellationToken.None);

        var waiting = harness.Outbox[later.Id];
        Assert.Equal(OutboxStatus.Pending, waiting.Status);
        Assert.Equal(
            "Waiting for the session's Procedure, Observations and charges (its earlier Session item) to be delivered to the EHR first; that item is parked for staff: retry it or mark it handled outside InfusionSuite, and this one goes on.",
            waiting.WaitingFor);
        Assert.Empty(waiting.Attempts);

        var procedure = Assert.Single(await _reader.SearchAsync<Procedure>($"patient=Patient/{m.PatientId}"));
        Assert.True(await harness.StaffActions.MarkHandledOutsideAsync(parked.Id, "nurse-7", "found it", "Procedure/" + procedure.Id, CancellationToken.None));
        Assert.Equal(OutboxStatus.Sent, (await harness.SettleAsync(parked.Id)).Status);
        var done = await harness.SettleAsync(later.Id);
        Assert.Null(done.WaitingFor);
        Assert.NotEqual(OutboxStatus.Pending, done.Status);
    }

    /// <summary>The void after a documented correction asks staff for its own words only: what the correction's hand edit asked is not asked again.</summary>
    [Fact]
    public async Task MillenniumVoidAfterAHandEdit_TheVoidNoteIsWrittenOnce_NothingTheCorrectionAskedIsRepeated()
    {
        await server.Control("mode?name=millennium");
        using var harness = Harness(FhirDeliveryShape.Millennium);
        var (completed, documented, voided) = SimulatedSessions.CompletedDocumentedThenVoided("shp-void-once");
        var v = await PatientAsync("millennium", "void-once");
        await SendAsync(harness, completed, v, SimulatedSessions.Charges(completed));
        await SendAsync(harness, documented, v, SimulatedSessions.Charges(documented), correction: true, expect: OutboxStatus.Parked);

        var done = await SendAsync(harness, voided, v, SimulatedSessions.Charges(voided), expect: OutboxStatus.Parked);

        var reason = done.ParkedReason!;
        var procedure = Assert.Single(await _reader.SearchAsync<Procedure>($"patient=Patient/{v.PatientId}"));
        Assert.Equal(
            $"Sent, but staff must finish in the EHR: Procedure 97008: the EHR takes no updates of Procedure: change Procedure/{procedure.Id} to entered-in-error in the EHR by hand, "
            + $"and add to the note of Procedure/{procedure.Id} in the EHR by hand: \"Entered in error: wrong patient.\".",
            reason);
        Assert.Equal(0, Count(reason, "headache"));
    }

    private static int Count(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;

    /// <summary>The warning the host logs at start is what the session page shows (the delivery's warnings), the same words.</summary>
    [Fact]
    public async Task EpicWithoutHl7_TheChargesReachNoOneWarning_IsWhatTheSessionPageIsGiven()
    {
        await server.Control("mode?name=epic");
        using var harness = Harness(FhirDeliveryShape.Individual);
        var delivery = harness.Services.GetRequiredService<IOutboxDelivery>();
        Assert.Empty(delivery.Warnings); // the EHR's /metadata not read yet

        await harness.StartAsync();

        var warning = Assert.Single(delivery.Warnings);
        Assert.StartsWith("Billable charges are sent nowhere", warning, StringComparison.Ordinal);
        Assert.Contains(harness.Logs, l => l.Message == warning);
    }
}
