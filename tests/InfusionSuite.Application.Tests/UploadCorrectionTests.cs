using InfusionSuite.Application.Controllers;
using InfusionSuite.Application.Ehr;
using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Application.Tests;

/// <summary>
/// Intermediate states never reach the EHR (issue 13). A controller cut off over the end of its session stores what it says
/// and uploads it when it is back, in chunks: each chunk fills in a little more of the offline time, so each record in
/// between still has part of it as "cooling not running". What goes to the EHR — the first report at the nurse's "cap
/// removed" as well as any correction — waits while the controller is cut off or uploading, and is judged from the messages,
/// not from how fast this machine takes them: the upload is over when it reaches the link's return, when a live message comes,
/// or after the upload's quiet wait (minutes); never later than the late-message window, and then marked incomplete.
/// </summary>
public sealed class UploadCorrectionTests
{
    private static readonly TimeSpan SamplePeriod = TimeSpan.FromSeconds(5);

    [Fact(Timeout = 60_000)]
    public async Task CapRemovedWhileCutOff_EndHeldThroughTheUpload_OneTrueReportOnceItPassesTheCapOff()
    {
        await using var writer = await WriterHarness.StartAsync();
        var cut = await EndWhileCutOffAsync(writer);
        await cut.UploadAsync(writer, cut.Through(DateTimeOffset.MaxValue));

        await Timeouts.UntilAsync(() => writer.Store.Ended.Count >= 1, "the end once the upload covered the cut-off");
        writer.Clock.Advance(SessionPolicy.Default.LateMessageWindow);
        await Task.Delay(200);
        AssertOneTrueReport(writer);
    }

    [Fact(Timeout = 60_000)]
    public async Task UploadPausesForMinutesMidway_NothingGoesInThePause_OneTrueReportAfter()
    {
        await using var writer = await WriterHarness.StartAsync();
        var cut = await EndWhileCutOffAsync(writer);
        await cut.UploadAsync(writer, cut.Through(DateTimeOffset.MaxValue).Take(60));

        // A loaded machine (or link) stalls inside the upload, far longer than the device-record gap: not its end.
        foreach (var _ in Enumerable.Range(0, 4))
        {
            writer.Clock.Advance(SessionPolicy.Default.DeviceRecordGap * 2);
            await Task.Delay(100);
        }

        Assert.Empty(writer.Store.Ended);
        await cut.UploadAsync(writer, cut.Through(DateTimeOffset.MaxValue).Skip(60));
        await Timeouts.UntilAsync(() => writer.Store.Ended.Count >= 1, "the end once the upload covered the cut-off");
        await Task.Delay(200);
        AssertOneTrueReport(writer);
    }

    [Fact(Timeout = 60_000)]
    public async Task UploadStopsShortOfTheLinksReturn_ThenALiveSample_OneTrueReportAtOnce()
    {
        await using var writer = await WriterHarness.StartAsync();
        var cut = await EndWhileCutOffAsync(writer);
        await cut.UploadAsync(writer, cut.Through(cut.CapOffAt));
        await Task.Delay(200);
        Assert.Empty(writer.Store.Ended);

        writer.Clock.Advance(TimeSpan.FromSeconds(1));
        await writer.SendAsync(cut.Chair.Sample(cut.NextSeq));
        await Timeouts.UntilAsync(() => writer.Store.Ended.Count >= 1, "the end once a live message came");
        await Task.Delay(200);
        AssertOneTrueReport(writer);
    }

    [Fact(Timeout = 60_000)]
    public async Task UploadStopsShortOfTheLinksReturn_ThenSilent_ReportGoesAfterTheQuietWaitNotBefore()
    {
        await using var writer = await WriterHarness.StartAsync();
        var cut = await EndWhileCutOffAsync(writer);
        await cut.UploadAsync(writer, cut.Through(cut.CapOffAt));

        writer.Clock.Advance(SessionPolicy.Default.UploadQuietWait - TimeSpan.FromSeconds(5));
        await Task.Delay(200);
        Assert.Empty(writer.Store.Ended);

        writer.Clock.Advance(TimeSpan.FromSeconds(10));
        await Timeouts.UntilAsync(() => writer.Store.Ended.Count >= 1, "the end once the upload went quiet");
        await Task.Delay(200);
        AssertOneTrueReport(writer);
    }

    [Fact(Timeout = 60_000)]
    public async Task UploadReachesTheControllersCapOff_ThenItGoesOffline_ReportGoesAfterTheQuietWait_NotHeldAsCutOff()
    {
        // The controller uploads up to its own CAP_OFF and shuts down (its offline status reads as a Last Will does): what it
        // could store after that lies past the session's end, so the report waits only for the upload's quiet wait.
        await using var writer = await WriterHarness.StartAsync();
        var cut = await EndWhileCutOffAsync(writer);
        await cut.UploadAsync(writer, cut.Through(cut.CapOffAt));
        writer.Clock.Advance(TimeSpan.FromSeconds(1));
        await writer.SendAsync(Presence(writer, cut.Chair, online: false));
        await Task.Delay(200); // past the session's end: the session does not take it

        writer.Clock.Advance(SessionPolicy.Default.UploadQuietWait + TimeSpan.FromSeconds(5));
        await Timeouts.UntilAsync(() => writer.Store.Ended.Count >= 1, "the end once the upload went quiet");
        await Task.Delay(200);
        AssertOneTrueReport(writer);
    }

    [Fact(Timeout = 60_000)]
    public async Task LinkDownWhileTheSessionStillTakesTheControllersCapOff_ReportWaitsForItsReturn()
    {
        // The nurse's "cap removed" came while the controller was live; before its CAP_OFF (within the cap-off window) it is cut off.
        await using var writer = await WriterHarness.StartAsync();
        var chair = new Chair("CHAIR-74", writer.Clock);
        var id = await RunToTheEndAsync(writer, chair);
        await writer.SendAsync(Presence(writer, chair, online: false));
        await StoredAsync(writer, 9);
        writer.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.True((await writer.Nurse.CapRemovedAsync(id, "nurse-3", null, Timeouts.Token())).IsAccepted);
        await StoredAsync(writer, 10);

        writer.Clock.Advance(SessionPolicy.Default.UploadQuietWait + TimeSpan.FromSeconds(5));
        await Task.Delay(200);
        Assert.Empty(writer.Store.Ended); // its CAP_OFF may still come and move the end
    }

    [Theory(Timeout = 60_000)]
    [InlineData(3)] // beyond the clock limit (2 h): no estimate, the ts stand
    [InlineData(26)]
    public async Task ReplayAtItsOwnPaceHoursOld_StreamingOnAfterItsCapOff_ReportGoesWithItsFirstMessagePastTheEnd_NotHeldAsAnUpload(int hoursOld)
    {
        // Every message arrives hours after its own time, as an upload's do; yet one past all the session takes from its
        // controller says the controller has said all of the session (spec: a replay comes out exactly as it would have live).
        await using var writer = await WriterHarness.StartAsync();
        var age = TimeSpan.FromHours(hoursOld);
        var chair = new Chair("CHAIR-75", writer.Clock);
        ControllerMessage Old(ControllerMessage m) => m switch
        {
            TelemetryReceived t => t with { Sample = t.Sample with { Timestamp = t.Sample.Timestamp - age } },
            ControllerEventReceived e => e with { Event = e.Event with { Timestamp = e.Event.Timestamp - age } },
            _ => m,
        };
        DateTimeOffset Then() => writer.Clock.GetUtcNow() - age;

        var id = (await writer.Nurse.StartSessionAsync(chair.Start() with { EffectiveAt = Then() }, Timeouts.Token())).SessionId!;
        uint seq = 0;
        await writer.SendAsync(Old(chair.Event(seq++, ControllerEventKind.CapOn)));
        await writer.SendAsync(Old(chair.Event(seq++, ControllerEventKind.CoolingStart)));
        await StoredAsync(writer, 3);
        writer.Clock.Advance(TimeSpan.FromMinutes(30));
        await writer.SendAsync(Old(chair.Sample(seq++)));
        Assert.True((await writer.Nurse.InfusionStartedAsync(id, "nurse-3", Then(), Timeouts.Token())).IsAccepted);
        writer.Clock.Advance(TimeSpan.FromMinutes(60));
        await writer.SendAsync(Old(chair.Sample(seq++)));
        Assert.True((await writer.Nurse.InfusionEndedAsync(id, "nurse-3", Then(), Timeouts.Token())).IsAccepted);
        writer.Clock.Advance(TimeSpan.FromMinutes(90));
        await writer.SendAsync(Old(chair.Event(seq++, ControllerEventKind.CoolingStop)));
        writer.Clock.Advance(TimeSpan.FromMinutes(2));
        await writer.SendAsync(Old(chair.Event(seq++, ControllerEventKind.CapOff)));
        await StoredAsync(writer, 9);
        Assert.True((await writer.Nurse.CapRemovedAsync(id, "nurse-3", Then(), Timeouts.Token())).IsAccepted);
        await StoredAsync(writer, 10);
        await Task.Delay(200);
        Assert.Empty(writer.Store.Ended); // an old message could still be one of an upload of the session

        writer.Clock.Advance(TimeSpan.FromSeconds(5));
        await writer.SendAsync(Old(chair.Sample(seq)));
        await Timeouts.UntilAsync(() => writer.Store.Ended.Count >= 1, "the end once a message past it came");
        await Task.Delay(200);
        var ended = Assert.Single(writer.Store.Ended);
        Assert.False(ended.ControllerRecordIncomplete);
        Assert.Equal(BoundarySource.Controller, ended.Boundaries.RemovalSource);
        Assert.Empty(writer.Store.Corrections);
    }

    [Fact(Timeout = 60_000)]
    public async Task CapRemovedWhileCutOff_ControllerNeverBack_ReportGoesMarkedIncompleteAtTheLateMessageWindow()
    {
        await using var writer = await WriterHarness.StartAsync();
        await EndWhileCutOffAsync(writer, comesBack: false);

        writer.Clock.Advance(SessionPolicy.Default.LateMessageWindow - TimeSpan.FromSeconds(5));
        await Task.Delay(200);
        Assert.Empty(writer.Store.Ended);

        writer.Clock.Advance(TimeSpan.FromSeconds(10));
        await Timeouts.UntilAsync(() => writer.Store.Ended.Count >= 1, "the end once the longest wait passed");
        var ended = Assert.Single(writer.Store.Ended);
        Assert.True(ended.ControllerRecordIncomplete);
        Assert.Contains("Incomplete: the controller was still cut off", SessionSummaryText.For(ended), StringComparison.Ordinal);
        Assert.Empty(writer.Store.Corrections);
    }

    [Fact(Timeout = 60_000)]
    public async Task CorrectionHeldForAnUploadWhenTheWriterStops_GoesAfterTheRestart()
    {
        await using var writer = await WriterHarness.StartAsync();
        var chair = new Chair("CHAIR-72", writer.Clock);
        var id = await RunToTheEndAsync(writer, chair);
        Assert.True((await writer.Nurse.CapRemovedAsync(id, "nurse-3", null, Timeouts.Token())).IsAccepted);
        Assert.Single(writer.Store.Ended); // live controller: reported at once

        // Cut off; the nurse documents tolerance after the end: the correction waits for the controller.
        await writer.SendAsync(Presence(writer, chair, online: false));
        await StoredAsync(writer, 10); // 8, the nurse's "cap removed", offline
        writer.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True((await writer.Nurse.RecordToleranceAsync(id, "nurse-3", 8, null, Timeouts.Token())).IsAccepted);
        await Task.Delay(200);
        Assert.Empty(writer.Store.Corrections);
        var stored = await writer.Store.StoredForRestartAsync();
        Assert.NotNull(Assert.Single(stored.Sessions).Reported); // the end went: the store knows what of it
        var now = writer.Clock.GetUtcNow();
        await writer.DisposeAsync();

        // The worker restarts: the correction was not reported, the store says so, and it goes.
        await using var restarted = await WriterHarness.StartAsync(stored: stored, now: now);
        restarted.Clock.Advance(SessionPolicy.Default.UploadQuietWait + TimeSpan.FromSeconds(1));
        await Timeouts.UntilAsync(() => restarted.Store.Corrections.Count >= 1, "the held correction after the restart");
        await Task.Delay(200);
        Assert.Equal(8, Assert.Single(restarted.Store.Corrections).Tolerance);
        Assert.Empty(restarted.Store.Ended);
    }

    [Fact(Timeout = 60_000)]
    public async Task ReportedBeforeTheWriterStops_NothingGoesAgainAfterTheRestart()
    {
        await using var writer = await WriterHarness.StartAsync();
        var chair = new Chair("CHAIR-73", writer.Clock);
        var id = await RunToTheEndAsync(writer, chair);
        Assert.True((await writer.Nurse.CapRemovedAsync(id, "nurse-3", null, Timeouts.Token())).IsAccepted);
        Assert.True((await writer.Nurse.RecordToleranceAsync(id, "nurse-3", 8, null, Timeouts.Token())).IsAccepted);
        await Timeouts.UntilAsync(() => writer.Store.Corrections.Count >= 1, "the correction");
        var stored = await writer.Store.StoredForRestartAsync();
        var now = writer.Clock.GetUtcNow();
        await writer.DisposeAsync();

        await using var restarted = await WriterHarness.StartAsync(stored: stored, now: now);
        restarted.Clock.Advance(SessionPolicy.Default.LateMessageWindow);
        await Task.Delay(300);
        Assert.Empty(restarted.Store.Ended);
        Assert.Empty(restarted.Store.Corrections);
    }

    private static void AssertOneTrueReport(WriterHarness writer)
    {
        var ended = Assert.Single(writer.Store.Ended);
        Assert.Empty(writer.Store.Corrections);
        Assert.False(ended.ControllerRecordIncomplete);
        Assert.Empty(ended.Deviations);
        Assert.Equal(0, ended.Interruptions.Count);
        Assert.Equal(BoundarySource.Controller, ended.Boundaries.RemovalSource);
        Assert.Equal(WriterHarness.NineOClock + new TimeSpan(3, 7, 0), ended.Boundaries.CapRemovedAt);
        Assert.Equal(WriterHarness.NineOClock + new TimeSpan(3, 0, 30), ended.Boundaries.LastCoolingStopAt);
    }

    /// <summary>Cap on 09:00, infusion 09:30–10:30, post-cooling on to 11:55 (live). Returns the session id and leaves the next seq at 5.</summary>
    private static async Task<string> RunToTheEndAsync(WriterHarness writer, Chair chair)
    {
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
        await writer.SendAsync(chair.Sample(seq));
        await StoredAsync(writer, 8);
        return id;
    }

    /// <summary>
    /// <see cref="RunToTheEndAsync"/>, then cut off from 11:55 to 12:08 over its COOLING_STOP (12:00:30) and CAP_OFF (12:07);
    /// the nurse's "cap removed" at 12:07:30 ends the session while it is cut off (nothing reported yet); at 12:08 the link is back.
    /// </summary>
    private static async Task<CutOff> EndWhileCutOffAsync(WriterHarness writer, bool comesBack = true)
    {
        var chair = new Chair("CHAIR-71", writer.Clock);
        var id = await RunToTheEndAsync(writer, chair);
        uint seq = 5;

        // 11:55: the broker says it is offline; it cools on and stores a sample every 5 s, its COOLING_STOP and its CAP_OFF.
        await writer.SendAsync(Presence(writer, chair, online: false));
        await StoredAsync(writer, 9);
        var cutAt = writer.Clock.GetUtcNow();
        var stored = new List<(ControllerMessage, DateTimeOffset)>();
        for (var at = cutAt + SamplePeriod; at < cutAt + TimeSpan.FromMinutes(13); at += SamplePeriod)
        {
            var cooling = at < cutAt + new TimeSpan(0, 5, 30);
            var capOn = at < cutAt + TimeSpan.FromMinutes(12);
            if (at == cutAt + new TimeSpan(0, 5, 30))
            {
                stored.Add((Stored(chair, new ControllerEvent(chair.ControllerId, Chair.Boot, seq++, at, ControllerEventKind.CoolingStop, null)), at));
            }
            else if (at == cutAt + TimeSpan.FromMinutes(12))
            {
                stored.Add((Stored(chair, new ControllerEvent(chair.ControllerId, Chair.Boot, seq++, at, ControllerEventKind.CapOff, null)), at));
            }

            stored.Add((Stored(chair, new TelemetrySample(chair.ControllerId, Chair.Boot, seq++, at, cooling ? ControllerState.Cooling : ControllerState.Standby,
                new Temperature((short)(cooling ? -40 : 50)), new Temperature((short)(cooling ? 160 : 250)), (ushort)(cooling ? 620 : 0), capOn, ControllerAlarms.None)), at));
        }

        writer.Clock.Advance(new TimeSpan(0, 12, 30));
        Assert.True((await writer.Nurse.CapRemovedAsync(id, "nurse-3", null, Timeouts.Token())).IsAccepted);
        Assert.Empty(writer.Store.Ended); // cut off: the controller holds part of the record
        if (comesBack)
        {
            writer.Clock.Advance(TimeSpan.FromSeconds(30));
            await writer.SendAsync(Presence(writer, chair, online: true));
            await StoredAsync(writer, 11); // the start, 2 events, 3 samples, 3 nurse actions, offline, online
        }

        return new CutOff(chair, stored, seq, cutAt + TimeSpan.FromMinutes(12));
    }

    private static ControllerPresenceChanged Presence(WriterHarness writer, Chair chair, bool online) =>
        new(online, online ? PresenceReason.MessageReceived : PresenceReason.StatusOffline)
        {
            ControllerId = chair.ControllerId, Transport = CcpTransport.Mqtt, Site = "clinic", ReceivedAt = writer.Clock.GetUtcNow(),
        };

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

    /// <summary>A controller cut off over its session's end: the messages it stored, its next seq, and its CAP_OFF's time.</summary>
    private sealed record CutOff(Chair Chair, IReadOnlyList<(ControllerMessage Message, DateTimeOffset At)> Stored, uint NextSeq, DateTimeOffset CapOffAt)
    {
        private static DateTimeOffset TimestampOf(ControllerMessage message) => message switch
        {
            TelemetryReceived t => t.Sample.Timestamp,
            ControllerEventReceived e => e.Event.Timestamp,
            _ => throw new ArgumentException("not a sequenced controller message", nameof(message)),
        };

        /// <summary>The stored messages of the controller's time up to <paramref name="until"/>, in order.</summary>
        public IEnumerable<ControllerMessage> Through(DateTimeOffset until) => Stored.Where(m => m.At <= until).Select(m => m.Message);

        /// <summary>
        /// Sends <paramref name="messages"/> in chunks of 10, 2 s apart, each stored before the next; nothing is reported before
        /// the last chunk, nor before the upload passes the CAP_OFF (what comes after it lies past all the session takes).
        /// </summary>
        public async Task UploadAsync(WriterHarness writer, IEnumerable<ControllerMessage> messages)
        {
            var chunks = messages.Chunk(10).ToList();
            for (var i = 0; i < chunks.Count; i++)
            {
                writer.Clock.Advance(TimeSpan.FromSeconds(2));
                var before = writer.Store.Inputs.Count + writer.Store.Telemetry.Count;
                foreach (var message in chunks[i])
                {
                    await writer.SendAsync(message with { ReceivedAt = writer.Clock.GetUtcNow() });
                }

                await StoredAsync(writer, before + chunks[i].Length);
                if (chunks[i].All(m => TimestampOf(m) <= CapOffAt))
                {
                    Assert.Empty(writer.Store.Ended); // still catching up: nothing intermediate goes out
                    Assert.Empty(writer.Store.Corrections);
                }
            }
        }
    }
}
