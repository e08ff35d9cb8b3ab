using InfusionSuite.Domain.Controllers;
using InfusionSuite.Simulator.Engine;

namespace InfusionSuite.Simulator.Tests;

public sealed class PhysicsTests
{
    public static TheoryData<int> Seeds => [1, 2, 3, 42, 1234];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Prechill_CoolantReachesSetpointRangeWithin10To20Minutes_AndStaysThere(int seed)
    {
        var items = Timelines.Of("normal", seed);
        var prechillStart = items.WhenEvent(ControllerEventKind.Setpoint);
        var samples = items.Samples().ToList();
        Assert.InRange(samples[0].CoolantC.Celsius, 21.0m, 23.0m);

        var reached = samples.First(s => s.CoolantC.Celsius <= -4.0m).Timestamp - prechillStart;
        Assert.InRange(reached.TotalMinutes, 10, 20);

        var coolingStart = items.WhenEvent(ControllerEventKind.CoolingStart);
        var coolingStop = items.WhenEvent(ControllerEventKind.CoolingStop);
        var afterwards = samples.Where(s => s.Timestamp >= coolingStart && s.Timestamp < coolingStop).ToList();
        Assert.NotEmpty(afterwards);
        Assert.All(afterwards, s => Assert.InRange(s.CoolantC.Celsius, -7.0m, -4.0m));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Cooling_ScalpFallsFromSkinTo15To20_AndFlowIs500To700(int seed)
    {
        var items = Timelines.Of("normal", seed);
        var samples = items.Samples().ToList();
        var capOn = items.WhenEvent(ControllerEventKind.CapOn);
        var infusionStart = items.WhenMarker(NurseMarkerKind.InfusionStarted);
        var coolingStart = items.WhenEvent(ControllerEventKind.CoolingStart);
        var coolingStop = items.WhenEvent(ControllerEventKind.CoolingStop);

        Assert.All(samples.Where(s => s.Timestamp < capOn), s => Assert.Null(s.ScalpC));
        var first = samples.First(s => s.Timestamp > capOn);
        Assert.InRange(first.ScalpC!.Value.Celsius, 32.0m, 34.0m);

        var cooled = samples.Where(s => s.Timestamp >= infusionStart && s.Timestamp < coolingStop).ToList();
        Assert.All(cooled, s => Assert.InRange(s.ScalpC!.Value.Celsius, 15.0m, 20.0m));

        var circulating = samples.Where(s => s.Timestamp > coolingStart && s.Timestamp < coolingStop).ToList();
        Assert.All(circulating, s =>
        {
            Assert.Equal(ControllerState.Cooling, s.State);
            Assert.InRange(s.FlowMlMin, (ushort)500, (ushort)700);
            Assert.Equal(ControllerAlarms.None, s.Alarms);
        });
    }

    [Fact]
    public void Readings_AreNoisy_NotFlat()
    {
        var cooled = Timelines.Of("normal").Samples().Where(s => s.State == ControllerState.Cooling).Take(600).ToList();

        Assert.True(cooled.Select(s => s.FlowMlMin).Distinct().Count() > 5);
        Assert.True(cooled.Select(s => s.CoolantC).Distinct().Count() > 2);
    }

    [Fact]
    public void WarmupBeforeRemoval_ScalpWarmsBack()
    {
        var items = Timelines.Of("normal");
        var stop = items.WhenEvent(ControllerEventKind.CoolingStop);
        var capOff = items.WhenEvent(ControllerEventKind.CapOff);
        var samples = items.Samples().ToList();

        var atStop = samples.First(s => s.Timestamp > stop).ScalpC!.Value.Celsius;
        var beforeRemoval = samples.Last(s => s.Timestamp < capOff).ScalpC!.Value.Celsius;

        Assert.True(beforeRemoval > atStop + 3, $"scalp {atStop} at stop, {beforeRemoval} before removal");
        Assert.InRange((capOff - stop).TotalMinutes, 5, 10);
    }

    [Fact]
    public void Telemetry_EverySecondByDefault_SeqCountsEveryMessage_TimestampsInMilliseconds()
    {
        var items = Timelines.Of("normal");
        var samples = items.Samples().Take(100).ToList();
        Assert.All(samples.Zip(samples.Skip(1)), pair => Assert.Equal(TimeSpan.FromSeconds(1), pair.Second.Timestamp - pair.First.Timestamp));

        var seqs = items.Select(i => i switch { TelemetryItem t => (uint?)t.Sample.Seq, EventItem e => e.Event.Seq, _ => null }).OfType<uint>().ToList();
        Assert.Equal(Enumerable.Range(0, seqs.Count).Select(i => (uint)i), seqs);
        Assert.All(items, i => Assert.Equal(0, i.At.Ticks % TimeSpan.TicksPerMillisecond));
    }
}
