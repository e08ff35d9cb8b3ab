using InfusionSuite.Application.Controllers;
using InfusionSuite.Devices.Links;
using InfusionSuite.Devices.Protocol;
using InfusionSuite.Simulator.Engine;
using InfusionSuite.Simulator.Scenarios;
using InfusionSuite.Testing;

namespace InfusionSuite.Devices.IntegrationTests;

/// <summary>
/// The simulator's <c>garbage</c> and <c>duplicates</c> scenarios, played through real transports
/// into the links up to a minute past their last incident (an hour of a session): every malformed
/// frame is discarded and counted by reason, every valid message still arrives once, in the order sent.
/// </summary>
public sealed class ReceiverRobustnessTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private static readonly Dictionary<GarbageKind, string> SerialReasons = new()
    {
        [GarbageKind.BadChecksum] = "bad_checksum",
        [GarbageKind.MissingChecksum] = "bad_checksum",
        [GarbageKind.Truncated] = "truncated",
        [GarbageKind.Oversize] = "too_long",
        [GarbageKind.OutOfRange] = "out_of_range",
    };

    private static readonly Dictionary<GarbageKind, string> MqttReasons = new()
    {
        [GarbageKind.BadChecksum] = "not_json",
        [GarbageKind.MissingChecksum] = "missing_member",
        [GarbageKind.Truncated] = "not_json",
        [GarbageKind.Oversize] = "oversize",
        [GarbageKind.OutOfRange] = "out_of_range",
    };

    [Fact(Timeout = 60_000)]
    public async Task GarbageScenario_OverSocat_RejectionsCountedByReason_EveryValidFrameArrives()
    {
        await using var pair = await SocatPair.StartAsync(Token());
        await using var link = await LinkHost.StartAsync(SerialLinkTests.Settings(pair.PortA));
        using var rejected = link.Counter(CcpMetrics.RejectedName);
        await Eventually.HoldsAsync(() => link.Presence.IsLinkUp(SerialLinkTests.LinkName(pair)), Wait, "the serial link to open its port");
        await using var chair = SimulatedChairRun.Start(SimulatedChairRun.BuiltIn("garbage"), SimulatedChair.Numbered(0), SerialLinkTests.Output(pair));

        await PlayPastAsync(chair, item => item is GarbageItem);

        await AssertEverythingValidArrivedAsync(chair, link);
        Assert.Equal(Expected(chair, SerialReasons), ByReason(rejected, "serial"));
        link.AssertHealthy();
    }

    [Fact(Timeout = 60_000)]
    public async Task GarbageScenario_OverMosquitto_RejectionsCountedByReason_EveryValidMessageArrives()
    {
        await using var broker = await MosquittoBroker.StartAsync(Token());
        await using var link = await MqttLinkTests.StartLinkAsync(broker, "links-garbage");
        using var rejected = link.Counter(CcpMetrics.RejectedName);
        await using var chair = SimulatedChairRun.Start(SimulatedChairRun.BuiltIn("garbage"), SimulatedChair.Numbered(0), MqttLinkTests.Output(broker, "north", 0));

        await PlayPastAsync(chair, item => item is GarbageItem);

        await AssertEverythingValidArrivedAsync(chair, link);
        Assert.Equal(Expected(chair, MqttReasons), ByReason(rejected, "mqtt"));
        link.AssertHealthy();
    }

    [Fact(Timeout = 60_000)]
    public async Task DuplicatesScenario_OverMosquitto_DuplicatesCountedAndDropped_ReorderedMessagesKept()
    {
        await using var broker = await MosquittoBroker.StartAsync(Token());
        await using var link = await MqttLinkTests.StartLinkAsync(broker, "links-duplicates");
        using var duplicates = link.Counter(CcpMetrics.DuplicateName);
        await using var chair = SimulatedChairRun.Start(SimulatedChairRun.BuiltIn("duplicates"), SimulatedChair.Numbered(0), MqttLinkTests.Output(broker, "north", 0));

        await PlayPastAsync(chair, item => item is TelemetryItem t && t.At > t.Sample.Timestamp); // the last swapped pair

        var sent = chair.SentTelemetry.Select(s => s.Seq).Concat(chair.SentEvents.Select(e => e.Seq)).ToList();
        Assert.Equal(3, sent.Count - sent.Distinct().Count());
        Assert.Contains(chair.SentTelemetry.Zip(chair.SentTelemetry.Skip(1)), p => p.Second.Seq < p.First.Seq);
        await AssertEverythingValidArrivedAsync(chair, link);
        Assert.Equal(3, duplicates.Total);
        link.AssertHealthy();
    }

    /// <summary>Plays the chair to a minute past the last item that matches.</summary>
    private static Task PlayPastAsync(SimulatedChairRun chair, Func<TimelineItem, bool> incident) =>
        chair.AdvanceAsync(chair.Timeline.Last(incident).At + TimeSpan.FromMinutes(1) - chair.Now);

    /// <summary>Each valid telemetry sample and event the chair sent arrives exactly once, in the order first sent.</summary>
    private static async Task AssertEverythingValidArrivedAsync(SimulatedChairRun chair, LinkHost link)
    {
        var telemetry = chair.SentTelemetry.DistinctBy(s => s.Seq).ToList();
        var events = chair.SentEvents.DistinctBy(e => e.Seq).ToList();
        var receivedTelemetry = await link.Messages.WaitForAllAsync<TelemetryReceived>(telemetry.Count, Wait);
        var receivedEvents = await link.Messages.WaitForAllAsync<ControllerEventReceived>(events.Count, Wait);
        Assert.Equal(telemetry, receivedTelemetry.Select(t => t.Sample));
        Assert.Equal(events, receivedEvents.Select(e => e.Event));
    }

    private static Dictionary<string, long> Expected(SimulatedChairRun chair, Dictionary<GarbageKind, string> reasons)
    {
        var garbage = chair.Sent.OfType<GarbageItem>().ToList();
        Assert.Equal(20, garbage.Count);
        Assert.Equal(Enum.GetValues<GarbageKind>().Length, garbage.Select(g => g.Kind).Distinct().Count());
        return garbage.GroupBy(g => reasons[g.Kind]).ToDictionary(g => g.Key, g => (long)g.Count());
    }

    /// <summary>The link's rejections by reason (reasons with none left out); none counted on the other transport.</summary>
    private static Dictionary<string, long> ByReason(ObservedCount rejected, string transport)
    {
        var series = rejected.Series();
        Assert.All(series.Where(m => !Equals(transport, m.Tags["transport"])), m => Assert.Equal(0, m.Value));
        return series.Where(m => Equals(transport, m.Tags["transport"]) && m.Value > 0)
            .ToDictionary(m => (string)m.Tags["reason"]!, m => m.Value);
    }

    private static CancellationToken Token() => new CancellationTokenSource(Wait).Token;
}
