using InfusionSuite.Application.Controllers;
using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Application.Tests;

/// <summary>
/// Intermediate states never reach the EHR (issue 13). A controller cut off over the end of its session uploads what it
/// stored in chunks after the nurse ended the session: each chunk fills in a little more of the offline time, so each
/// intermediate record still has part of it as "cooling not running". The correction waits until the upload has caught
/// up (a live message, or the upload gone quiet for the device-record gap), then goes once, with the true record.
/// </summary>
public sealed class UploadCorrectionTests
{
    private static readonly TimeSpan SamplePeriod = TimeSpan.FromSeconds(5);

    [Fact(Timeout = 60_000)]
    public async Task CutOffOverTheEndUploadedInChunks_OneCorrectionOnceCaughtUp_WithoutTheFalseInterruption()
    {
        await using var writer = await WriterHarness.StartAsync();
        var (chair, seq) = await EndWhileCutOffAsync(writer);

        // Back: a live sample, so the upload has caught up.
        writer.Clock.Advance(TimeSpan.FromSeconds(1));
        await writer.SendAsync(chair.Sample(seq));
        await Timeouts.UntilAsync(() => writer.Store.Corrections.Count >= 1, "the correction once the upload caught up");
        await Task.Delay(200);

        AssertOneTrueCorrection(writer);
    }

    [Fact(Timeout = 60_000)]
    public async Task CutOffOverTheEndUploadedInChunks_ThenSilent_TheCorrectionGoesWhenTheUploadWentQuiet()
    {
        await using var writer = await WriterHarness.StartAsync();
        await EndWhileCutOffAsync(writer);

        // Nothing more comes (the controller was switched off after its CAP_OFF): the correction goes after the device-record gap.
        writer.Clock.Advance(SessionPolicy.Default.DeviceRecordGap + TimeSpan.FromSeconds(1));
        await Timeouts.UntilAsync(() => writer.Store.Corrections.Count >= 1, "the correction once the upload went quiet");
        await Task.Delay(200);

        AssertOneTrueCorrection(writer);
    }

    private static void AssertOneTrueCorrection(WriterHarness writer)
    {
        var ended = Assert.Single(writer.Store.Ended);
        Assert.Contains(ended.Deviations, d => d.Code == DeviationCode.Interrupted); // what was known at the end: offline since 11:55
        var correction = Assert.Single(writer.Store.Corrections);
        Assert.Empty(correction.Deviations);
        Assert.Equal(0, correction.Interruptions.Count);
        Assert.Equal(BoundarySource.Controller, correction.Boundaries.RemovalSource);
        Assert.Equal(WriterHarness.NineOClock + new TimeSpan(3, 7, 0), correction.Boundaries.CapRemovedAt);
        Assert.Equal(WriterHarness.NineOClock + new TimeSpan(3, 0, 30), correction.Boundaries.LastCoolingStopAt);
    }

    /// <summary>
    /// Cap on 09:00, infusion 09:30–10:30; cut off from 11:55 to 12:08 over its COOLING_STOP (12:00:30) and CAP_OFF (12:07);
    /// the nurse's "cap removed" at 12:07:30 ends the session while it is cut off; back at 12:08 it uploads its 13 minutes in
    /// chunks of 10, 2 s apart, each stored before the next. Returns the chair and the next seq.
    /// </summary>
    private static async Task<(Chair Chair, uint Seq)> EndWhileCutOffAsync(WriterHarness writer)
    {
        var chair = new Chair("CHAIR-71", writer.Clock);
        var id = (await writer.Nurse.StartSessionAsync(chair.Start(), Timeouts.Token())).SessionId!;
        uint seq = 0;
        await writer.SendAsync(chair.Event(seq++, ControllerEventKind.CapOn));
        await writer.SendAsync(chair.Event(seq++, ControllerEventKind.CoolingStart));
        await StoredAsync(writer, 3);
        writer.Clock.Advance(TimeSpan.FromMinutes(30));
        await writer.SendAsync(chair.Sample(seq++));
        Assert.True((await writer.Nurse.InfusionStartedAsync(id, "nurse-3", null, Timeouts.Token())).IsAccepted);
        writer.Clock.Advance(TimeSpan.FromMinutes(60));
        await writer.SendAsync(chair.Sample(seq++));
        Assert.True((await writer.Nurse.InfusionEndedAsync(id, "nurse-3", null, Timeouts.Token())).IsAccepted);
        writer.Clock.Advance(TimeSpan.FromMinutes(85));
        await writer.SendAsync(chair.Sample(seq++));
        await StoredAsync(writer, 8);

        // 11:55: the broker says it is offline; it cools on and stores a sample every 5 s, its COOLING_STOP and its CAP_OFF.
        await writer.SendAsync(new ControllerPresenceChanged(false, PresenceReason.StatusOffline)
        {
            ControllerId = chair.ControllerId, Transport = CcpTransport.Mqtt, Site = "clinic", ReceivedAt = writer.Clock.GetUtcNow(),
        });
        await StoredAsync(writer, 9);
        var cutAt = writer.Clock.GetUtcNow();
        var stored = new List<ControllerMessage>();
        for (var at = cutAt + SamplePeriod; at < cutAt + TimeSpan.FromMinutes(13); at += SamplePeriod)
        {
            var cooling = at < cutAt + new TimeSpan(0, 5, 30);
            var capOn = at < cutAt + TimeSpan.FromMinutes(12);
            if (at == cutAt + new TimeSpan(0, 5, 30))
            {
                stored.Add(Stored(chair, new ControllerEvent(chair.ControllerId, Chair.Boot, seq++, at, ControllerEventKind.CoolingStop, null)));
            }
            else if (at == cutAt + TimeSpan.FromMinutes(12))
            {
                stored.Add(Stored(chair, new ControllerEvent(chair.ControllerId, Chair.Boot, seq++, at, ControllerEventKind.CapOff, null)));
            }

            stored.Add(Stored(chair, new TelemetrySample(chair.ControllerId, Chair.Boot, seq++, at, cooling ? ControllerState.Cooling : ControllerState.Standby,
                new Temperature((short)(cooling ? -40 : 50)), new Temperature((short)(cooling ? 160 : 250)), (ushort)(cooling ? 620 : 0), capOn, ControllerAlarms.None)));
        }

        writer.Clock.Advance(new TimeSpan(0, 12, 30));
        Assert.True((await writer.Nurse.CapRemovedAsync(id, "nurse-3", null, Timeouts.Token())).IsAccepted);
        Assert.Single(writer.Store.Ended);

        writer.Clock.Advance(TimeSpan.FromSeconds(30));
        await writer.SendAsync(new ControllerPresenceChanged(true, PresenceReason.MessageReceived)
        {
            ControllerId = chair.ControllerId, Transport = CcpTransport.Mqtt, Site = "clinic", ReceivedAt = writer.Clock.GetUtcNow(),
        });
        var before = 11; // the start, 2 events, 3 samples, 3 nurse actions, offline, online
        await StoredAsync(writer, before);
        foreach (var chunk in stored.Chunk(10))
        {
            writer.Clock.Advance(TimeSpan.FromSeconds(2));
            foreach (var message in chunk)
            {
                await writer.SendAsync(message with { ReceivedAt = writer.Clock.GetUtcNow() });
            }

            before += chunk.Length;
            await StoredAsync(writer, before);
            Assert.Empty(writer.Store.Corrections); // still catching up: nothing intermediate goes out
        }

        return (chair, seq);
    }

    private static TelemetryReceived Stored(Chair chair, TelemetrySample sample) => new(sample)
    {
        ControllerId = chair.ControllerId, Transport = CcpTransport.Mqtt, Site = "clinic", ReceivedAt = sample.Timestamp,
    };

    private static ControllerEventReceived Stored(Chair chair, ControllerEvent e) => new(e)
    {
        ControllerId = chair.ControllerId, Transport = CcpTransport.Mqtt, Site = "clinic", ReceivedAt = e.Timestamp,
    };

    private static Task StoredAsync(WriterHarness writer, int count) =>
        Timeouts.UntilAsync(() => writer.Store.Inputs.Count + writer.Store.Telemetry.Count >= count, count + " items stored");
}
