using InfusionSuite.Domain.Controllers;
using InfusionSuite.Simulator.Engine;
using InfusionSuite.Simulator.Scenarios;

namespace InfusionSuite.Simulator.Tests;

public sealed class BuiltInScenarioTests
{
    private static readonly string[] s_start = ["hello:PowerOn", "Setpoint", "marker:SessionStart", "CapOn", "CoolingStart", "marker:InfusionStarted"];
    private static readonly string[] s_end = ["marker:InfusionEnded", "CoolingStop", "CapOff", "marker:CapRemoved", "offline:Shutdown"];

    public static TheoryData<string, string[]> Stories => new()
    {
        { "normal", ["hello:PowerOn", "Setpoint", "marker:SessionStart", "Calibrated", "CapOn", "CoolingStart", "marker:InfusionStarted", .. s_end] },
        { "short-precool", [.. s_start, .. s_end] },
        { "early-removal", [.. s_start, .. s_end] },
        { "interruption", [.. s_start, "Pause", "Resume", .. s_end] },
        { "fault", [.. s_start, "Fault", "CoolingStart", .. s_end] },
        { "overcool", [.. s_start, .. s_end] },
        { "disconnect", [.. s_start, "offline:Disconnect", "hello:Reconnect", .. s_end] },
        { "reboot", [.. s_start, "offline:PowerLoss", "hello:PowerOn", "CapOn", "CoolingStart", .. s_end] },
        { "garbage", [.. s_start, .. s_end] },
        { "duplicates", [.. s_start[..5], "CoolingStart", s_start[5], .. s_end] },
    };

    [Fact]
    public void EveryBuiltInScenario_HasAStoryTest_AndIsValid()
    {
        Assert.Equal(BuiltInScenarios.Names.Order(), Stories.Select(row => (string)row[0]).Order());
        Assert.All(BuiltInScenarios.All, s => Assert.Empty(ScenarioValidator.Problems(s)));
    }

    [Theory]
    [MemberData(nameof(Stories))]
    public void BuiltInScenario_EmitsItsEventsAndMarkersInOrder(string scenario, string[] story)
    {
        Assert.Equal(story, Timelines.Of(scenario).Story());
    }

    [Fact]
    public void Normal_CalibratesTheCapDuringFitting_AndFollowsTheRegimenTimes()
    {
        var items = Timelines.Of("normal");
        var calibrated = items.Events().Single(e => e.Kind == ControllerEventKind.Calibrated);
        Assert.Equal("M", calibrated.Detail);

        var placement = items.WhenEvent(ControllerEventKind.CoolingStart);
        var infusionStart = items.WhenMarker(NurseMarkerKind.InfusionStarted);
        var infusionEnd = items.WhenMarker(NurseMarkerKind.InfusionEnded);
        var stop = items.WhenEvent(ControllerEventKind.CoolingStop);
        Assert.Equal(TimeSpan.FromMinutes(30), infusionStart - placement);
        Assert.Equal(TimeSpan.FromMinutes(60), infusionEnd - infusionStart);
        Assert.Equal(TimeSpan.FromMinutes(90), stop - infusionEnd);

        var start = items.OfType<NurseMarkerItem>().First().Marker;
        Assert.Equal(NurseMarkerKind.SessionStart, start.Kind);
        Assert.True(start.Plan.FirstOfCourse);
        Assert.Equal(90, start.Plan.PostcoolTargetMinutes);
        Assert.Equal("-5.0", items.Events().First().Detail);
    }

    [Fact]
    public void ShortPrecool_InfusionStartsAfter15OfThe30Minutes()
    {
        var items = Timelines.Of("short-precool");
        Assert.Equal(TimeSpan.FromMinutes(15), items.WhenMarker(NurseMarkerKind.InfusionStarted) - items.WhenEvent(ControllerEventKind.CoolingStart));
        Assert.Equal(30, items.OfType<NurseMarkerItem>().First().Marker.Plan.PrecoolTargetMinutes);
        Assert.DoesNotContain(items.Events(), e => e.Kind == ControllerEventKind.Calibrated);
    }

    [Fact]
    public void EarlyRemoval_CapComesOffBeforeThePostcoolTarget()
    {
        var items = Timelines.Of("early-removal");
        var infusionEnd = items.WhenMarker(NurseMarkerKind.InfusionEnded);
        Assert.Equal(TimeSpan.FromMinutes(40), items.WhenEvent(ControllerEventKind.CoolingStop) - infusionEnd);
        Assert.Equal(TimeSpan.FromMinutes(45), items.WhenEvent(ControllerEventKind.CapOff) - infusionEnd);
        Assert.Equal(90, items.OfType<NurseMarkerItem>().First().Marker.Plan.PostcoolTargetMinutes);
    }

    [Fact]
    public void Interruption_PausedForEightMinutes_WithNoFlow()
    {
        var items = Timelines.Of("interruption");
        var pause = items.WhenEvent(ControllerEventKind.Pause);
        var resume = items.WhenEvent(ControllerEventKind.Resume);
        Assert.Equal(TimeSpan.FromMinutes(8), resume - pause);

        var paused = items.Samples().Where(s => s.Timestamp > pause && s.Timestamp < resume).ToList();
        Assert.Equal(8 * 60, paused.Count, tolerance: 1);
        Assert.All(paused, s => Assert.Equal((ControllerState.Paused, (ushort)0), (s.State, s.FlowMlMin)));
        Assert.True(paused[^1].ScalpC!.Value > paused[0].ScalpC!.Value, "the scalp warms while paused");
    }

    [Fact]
    public void Fault_FlowLowFirst_ThenFaultStateAndEvent_ThenCoolingAgain()
    {
        var items = Timelines.Of("fault");
        var fault = items.Events().Single(e => e.Kind == ControllerEventKind.Fault);
        Assert.Equal("PUMP_FLOW", fault.Detail);

        var samples = items.Samples().ToList();
        var firstFlowLow = samples.First(s => s.Alarms.HasFlag(ControllerAlarms.FlowLow));
        Assert.Equal(ControllerState.Cooling, firstFlowLow.State);
        Assert.InRange((fault.Timestamp - firstFlowLow.Timestamp).TotalSeconds, 40, 46);
        Assert.InRange(firstFlowLow.FlowMlMin, (ushort)1, (ushort)399);

        var inFault = samples.Where(s => s.State == ControllerState.Fault).ToList();
        Assert.InRange(inFault.Count, 180, 200);
        Assert.All(inFault, s => Assert.True(s.Alarms.HasFlag(ControllerAlarms.FlowLow)));
        var recovered = items.Events().Last(e => e.Kind == ControllerEventKind.CoolingStart);
        Assert.All(samples.Where(s => s.Timestamp > recovered.Timestamp && s.State == ControllerState.Cooling), s => Assert.Equal(ControllerAlarms.None, s.Alarms));
    }

    [Fact]
    public void Overcool_ScalpUnderZero_RaisesOvercoolOnlyThen()
    {
        var items = Timelines.Of("overcool");
        var samples = items.Samples().ToList();
        var overcool = samples.Where(s => s.Alarms.HasFlag(ControllerAlarms.Overcool)).ToList();

        Assert.InRange(overcool.Count, 60, 240);
        Assert.All(overcool, s => Assert.True(s.ScalpC!.Value.Celsius < 0.0m));
        Assert.All(samples.Except(overcool), s => Assert.True(s.ScalpC is null || s.ScalpC.Value.Celsius >= 0.0m));
        Assert.InRange(overcool[0].Timestamp - items.WhenMarker(NurseMarkerKind.InfusionEnded), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(14));
    }

    [Fact]
    public void Disconnect_NothingSentForTwoMinutes_ThenSameBootContinues()
    {
        var items = Timelines.Of("disconnect").ToList();
        var down = items.OfType<OfflineItem>().First();
        var up = items.OfType<HelloItem>().Single(h => h.Reason == HelloReason.Reconnect);
        Assert.Equal(TimeSpan.FromMinutes(2), up.At - down.At);
        Assert.DoesNotContain(items, i => i.At > down.At && i.At < up.At && i is not NurseMarkerItem);

        var before = items.Take(items.IndexOf(down)).Samples().Last();
        var after = items.Skip(items.IndexOf(up)).Samples().First();
        Assert.Equal(before.Boot, after.Boot);
        Assert.InRange(after.Seq - before.Seq, 119u, 121u);
    }

    [Fact]
    public void Reboot_NewBoot_SeqFromZero_CoolingResumes()
    {
        var items = Timelines.Of("reboot").ToList();
        var hellos = items.OfType<HelloItem>().Where(h => h.Reason == HelloReason.PowerOn).ToList();
        Assert.Equal(2, hellos.Count);
        Assert.NotEqual(hellos[0].Hello.Boot, hellos[1].Hello.Boot);

        var afterReboot = items.Skip(items.IndexOf(hellos[1]) + 1).ToList();
        var capOn = afterReboot.Events().First();
        Assert.Equal((ControllerEventKind.CapOn, 0u, hellos[1].Hello.Boot), (capOn.Kind, capOn.Seq, capOn.Boot));
        Assert.All(afterReboot.Samples(), s => Assert.Equal(hellos[1].Hello.Boot, s.Boot));
        Assert.Equal(TimeSpan.FromSeconds(30), hellos[1].At - items.OfType<OfflineItem>().First().At);
    }

    [Fact]
    public void Garbage_TwentyMalformedFramesOfEveryKind_BetweenGoodSamples()
    {
        var items = Timelines.Of("garbage").ToList();
        var garbage = items.OfType<GarbageItem>().ToList();

        Assert.Equal(20, garbage.Count);
        Assert.Equal(Enum.GetValues<GarbageKind>().Order(), garbage.Select(g => g.Kind).Distinct().Order());
        Assert.All(garbage, g => Assert.IsType<TelemetryItem>(items[items.IndexOf(g) - 1]));
    }

    [Fact]
    public void Duplicates_SameMessageTwice_AndReorderedPairsOutOfSeqOrder()
    {
        var items = Timelines.Of("duplicates");
        var keys = items.Select(i => i switch { TelemetryItem t => (uint?)t.Sample.Seq, EventItem e => e.Event.Seq, _ => null }).OfType<uint>().ToList();

        var repeated = keys.Zip(keys.Skip(1)).Count(pair => pair.First == pair.Second);
        var backwards = keys.Zip(keys.Skip(1)).Count(pair => pair.Second < pair.First);
        Assert.Equal(3, repeated);
        Assert.Equal(5, backwards);
        Assert.Equal((uint)keys.Distinct().Count(), keys.Max() + 1);
    }
}
