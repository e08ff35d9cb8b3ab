using InfusionSuite.Application.Outbox;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Hl7.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionSuite.Worker.Tests.Delivery;

/// <summary>The worker with its HL7 channel on, and what the HL7 delivery tests do with it.</summary>
internal static class Hl7Worker
{
    /// <summary>The HL7 channel on, to the peer on <paramref name="port"/>; polls and retries every 5 simulated minutes (0.3 s at ×1000).</summary>
    public static Dictionary<string, string?> Settings(string databasePath, int port)
    {
        var settings = Worker.Tests.Settings.For(databasePath);
        settings["Hl7:Enabled"] = "true";
        settings["Hl7:SendingFacility"] = "NORTH-ONC";
        settings["Hl7:ReceivingApplication"] = "EPIC";
        settings["Hl7:ReceivingFacility"] = "NORTH";
        settings["Hl7:Host"] = "127.0.0.1";
        settings["Hl7:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Hl7:PollInterval"] = "00:05:00";
        settings["Hl7:RetryDelay"] = "00:05:00";
        settings["Hl7:MaxRetryDelay"] = "00:10:00";
        return settings;
    }

    /// <summary>A session documented by the nurse alone (no controller): start (with the patient's visit), cap on, infusion, cap off.</summary>
    public static async Task<string> CompletedAsync(WorkerHost worker, string patient, string chair, string patientName, bool firstOfCourse = false, string? course = null, bool withVisit = true)
    {
        var started = await worker.Nurse.StartSessionAsync(
            new("nurse-3", "CHAIR-" + chair, course ?? "course-" + chair, patient, new ChemoAdministration("ma-" + chair, "96413"), RegimenPreset: "Standard", FirstOfCourse: firstOfCourse, PatientName: patientName, EncounterReference: withVisit ? "Encounter/e-" + chair : null, ConfirmUnheardController: true),
            Wait.Token());
        Assert.True(started.IsAccepted, started.Message);
        var id = started.SessionId!;
        Assert.True((await worker.Nurse.CapPlacedAsync(id, "nurse-3", null, Wait.Token())).IsAccepted);
        Assert.True((await worker.Nurse.InfusionStartedAsync(id, "nurse-3", null, Wait.Token())).IsAccepted);
        Assert.True((await worker.Nurse.InfusionEndedAsync(id, "nurse-3", null, Wait.Token())).IsAccepted);
        Assert.Equal(SessionStatus.Completed, (await worker.Nurse.CapRemovedAsync(id, "nurse-3", null, Wait.Token())).Record!.Status);
        return id;
    }

    /// <summary>The session's outbox items of one content type, oldest first.</summary>
    public static async Task<IReadOnlyList<OutboxItem>> ItemsAsync(IOutbox outbox, string sessionId, string contentType = Hl7OutboxItems.ContentType) =>
        [.. (await outbox.ListAsync(new OutboxQuery(SessionId: sessionId), Wait.Token()))
            .Where(i => i.ContentType == contentType).Reverse()];

    /// <summary>The charge or credit of a stored DFT^P03.</summary>
    public static Hl7.Messages.ChargePosting ReadCharge(string payload) => StoredHl7Messages.Read(payload).Posting!;

    /// <summary>Waits until the session has <paramref name="count"/> HL7 items, all acknowledged; oldest first.</summary>
    public static Task<IReadOnlyList<OutboxItem>> AllSentAsync(WorkerHost worker, string sessionId, int count) =>
        Wait.ForAsync<IReadOnlyList<OutboxItem>>(
            async () => await ItemsAsync(worker.Services.GetRequiredService<IOutbox>(), sessionId) is { } items && items.Count == count && items.All(i => i.Status == OutboxStatus.Sent) ? items : null,
            $"{count} HL7 messages of {sessionId} acknowledged",
            TimeSpan.FromSeconds(60));
}
