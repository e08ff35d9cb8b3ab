using System.Text.Json;
using InfusionSuite.Application.Outbox;
using InfusionSuite.Hl7.Tests;
using InfusionSuite.Simulator.Running;
using InfusionSuite.Testing;
using Microsoft.Extensions.DependencyInjection;
using static InfusionSuite.Hl7.Tests.PeerReceived;

namespace InfusionSuite.Worker.Tests.Delivery;

/// <summary>
/// billing.md §4 end to end: staff see the patient's courses and move a session to another one over the
/// API (audited); billing is decided again over both courses and the corrections reach the EHR: the moved
/// session's fitting (97007, once per course) is credited over HL7 and its ChargeItem updated to not-billable.
/// </summary>
public sealed class CourseMoveDeliveryTests
{
    [Fact(Timeout = 120_000)]
    public async Task SessionMovedIntoACourseWhoseFittingWasBilled_ItsOwnFittingIsCredited_AndItsChargeItemUpdated()
    {
        await using var peer = await Hl7Peer.StartAsync();
        using var db = new TempDatabase();
        await using var worker = await WorkerHost.StartAsync(Hl7Worker.Settings(db.Path, peer.Port), new ScaledTimeProvider(1000, Scenarios.Start));
        using var staff = await ApiNurse.SignUpAsync(worker, "course-clerk");
        var first = await Hl7Worker.CompletedAsync(worker, "MRN-CM", "CM1", "Rivera, Ana", firstOfCourse: true, course: "course-A");
        var second = await Hl7Worker.CompletedAsync(worker, "MRN-CM", "CM2", "Rivera, Ana", firstOfCourse: true, course: "course-B");
        await Hl7Worker.AllSentAsync(worker, second, 2); // ORU^R01 and the second course's own 97007
        var page = await staff.GetAsync("/api/sessions/" + second);
        Assert.Equal(
            [("course-A", false), ("course-B", true)],
            page.GetProperty("billing").GetProperty("courses").EnumerateArray().Select(c => (c.GetProperty("courseId").GetString(), c.GetProperty("current").GetBoolean())).Order());

        await staff.PostAsync($"/api/sessions/{second}/course", new { courseId = "course-A" });

        var items = await Hl7Worker.AllSentAsync(worker, second, 4);
        var credit = Hl7Worker.ReadCharge(items[^1].Payload);
        Assert.Equal(("97007", true), (credit.Line.Code, credit.Credit));
        var received = peer.Received.Where(r => r.MessageType == "DFT^P03").Select(r => (Value(r.One("FT1"), 7), Value(r.One("FT1"), 6))).ToList();
        Assert.Equal(1, received.Count(r => r == ("97007", "CD")));
        var after = await staff.GetAsync("/api/sessions/" + second);
        Assert.Contains(after.GetProperty("billing").GetProperty("courses").EnumerateArray(), c => c.GetProperty("courseId").GetString() == "course-A" && c.GetProperty("current").GetBoolean());
        var fitting = after.GetProperty("billing").GetProperty("codes").EnumerateArray().Single(c => c.GetProperty("code").GetString() == "97007");
        Assert.Contains("CALIBRATION_ALREADY_REPORTED_IN_COURSE", fitting.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains("moved to course course-A", after.GetProperty("audit").EnumerateArray().Select(a => a.GetProperty("change").GetString()));
        var fhir = await Hl7Worker.ItemsAsync(worker.Services.GetRequiredService<IOutbox>(), second, "application/fhir+json");
        Assert.Equal(OutboxItemKind.Correction, fhir[^1].Kind);
        Assert.Contains(ChargeItems(fhir[^1].Payload), c => c.Code == "97007" && c.Status == "not-billable");
        Assert.True((await staff.GetAsync("/api/sessions/" + first)).GetProperty("billing").GetProperty("codes").EnumerateArray()
            .Single(c => c.GetProperty("code").GetString() == "97007").GetProperty("billable").GetBoolean());
    }

    [Fact(Timeout = 120_000)]
    public async Task MoveToAnotherPatientsCourse_Is400NamingTheCourse_AndChangesNothing()
    {
        using var db = new TempDatabase();
        await using var worker = await WorkerHost.StartAsync(Worker.Tests.Settings.For(db.Path), new ScaledTimeProvider(1000, Scenarios.Start));
        using var staff = await ApiNurse.SignUpAsync(worker, "course-clerk-2");
        await Hl7Worker.CompletedAsync(worker, "MRN-OTHER", "CX1", "Other, Patient", firstOfCourse: true, course: "course-other");
        var session = await Hl7Worker.CompletedAsync(worker, "MRN-CX", "CX2", "Rivera, Ana", firstOfCourse: true, course: "course-mine");

        var refused = await staff.PostRawAsync($"/api/sessions/{session}/course", new { courseId = "course-other" });

        Assert.Equal(400, refused.Status);
        Assert.Contains("courseId", refused.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("MRN-OTHER", refused.Body, StringComparison.Ordinal);
        var page = await staff.GetAsync("/api/sessions/" + session);
        Assert.Equal(["course-mine"], page.GetProperty("billing").GetProperty("courses").EnumerateArray().Select(c => c.GetProperty("courseId").GetString()));
    }

    private static IEnumerable<(string? Code, string? Status)> ChargeItems(string bundle) =>
        JsonDocument.Parse(bundle).RootElement.GetProperty("entry").EnumerateArray()
            .Select(e => e.GetProperty("resource"))
            .Where(r => r.GetProperty("resourceType").GetString() == "ChargeItem")
            .Select(r => (r.GetProperty("code").GetProperty("coding")[0].GetProperty("code").GetString(), r.GetProperty("status").GetString()));
}
