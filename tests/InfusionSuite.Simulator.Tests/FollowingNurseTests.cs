using InfusionSuite.Domain.Controllers;
using InfusionSuite.Simulator.Engine;
using InfusionSuite.Simulator.Scenarios;

namespace InfusionSuite.Simulator.Tests;

/// <summary>
/// A controller that follows a person's documentation (the demo's free chairs): it pre-chills until a session is
/// started on its chair, fits and cools from then, cools until the infusion ends, runs the plan's post-cooling, and
/// stops at once when the nurse ends the session first. The "person" here acts when the timeline reaches a time.
/// </summary>
public sealed class FollowingNurseTests
{
    private static readonly Scenario s_free = BuiltIn("normal") with { Name = "free" };
    private static readonly TimeSpan s_tick = TimeSpan.FromSeconds(1);

    [Fact]
    public void NoSession_TheControllerPrechillsWithNoCap_ForHours()
    {
        var items = Person.Never().Read(TimeSpan.FromHours(6));

        Assert.Equal(["hello:PowerOn", "Setpoint"], items.Story());
        var late = items.Samples().Where(s => s.Timestamp > Timelines.Start.AddMinutes(30)).ToList();
        Assert.NotEmpty(late);
        Assert.All(late, s => Assert.Equal((ControllerState.Prechill, false), (s.State, s.CapConnected)));
        Assert.True(items[^1].At > Timelines.Start.AddHours(5.9), "the controller is still there, pre-chilling");
    }

    [Theory]
    [InlineData(40, 100)] // started late, a long infusion: longer than the plan's 30 + 60 min
    [InlineData(3, 20)] // started soon after power-on, a short infusion
    public void SessionStartedLater_FitsCoolsAndEndsByTheNurse(int startedAfterMinutes, int infusionEndsAfterCoolingMinutes)
    {
        var started = Timelines.Start.AddMinutes(startedAfterMinutes);
        var plan = s_free.Session;
        var coolingStarts = started.AddMinutes(plan.FittingMinutes);
        var infusionEnded = coolingStarts.AddMinutes(infusionEndsAfterCoolingMinutes);
        var person = new Person().StartAt(started).InfusionEndAt(infusionEnded);

        var items = person.Read(TimeSpan.FromHours(12));

        Assert.Equal(["hello:PowerOn", "Setpoint", "Calibrated", "CapOn", "CoolingStart", "CoolingStop", "CapOff", "offline:Shutdown"], items.Story());
        Assert.All(items.Samples().Where(s => s.Timestamp < started), s => Assert.Equal((true, false), (s.State is ControllerState.Standby or ControllerState.Prechill, s.CapConnected)));
        Near(started.AddMinutes(plan.FittingMinutes * 3 / 4), When(items, ControllerEventKind.CapOn));
        Near(coolingStarts, When(items, ControllerEventKind.CoolingStart));
        var stop = When(items, ControllerEventKind.CoolingStop);
        Near(infusionEnded.AddMinutes(plan.PostcoolTargetMinutes), stop);
        Near(stop.AddMinutes(plan.WarmupMinutes), When(items, ControllerEventKind.CapOff));
        Assert.All(items.Samples().Where(s => s.Timestamp > coolingStarts.AddSeconds(2) && s.Timestamp < stop), s => Assert.Equal(ControllerState.Cooling, s.State));
    }

    [Fact]
    public void NurseRemovesTheCapDuringPostCooling_CoolingStopsAndTheCapIsOffAtOnce()
    {
        var started = Timelines.Start.AddMinutes(10);
        var infusionEnded = started.AddMinutes(70);
        var removed = infusionEnded.AddMinutes(20);
        var items = new Person().StartAt(started).InfusionEndAt(infusionEnded).EndAt(removed).Read(TimeSpan.FromHours(12));

        Assert.Equal(["hello:PowerOn", "Setpoint", "Calibrated", "CapOn", "CoolingStart", "CoolingStop", "CapOff", "offline:Shutdown"], items.Story());
        Near(removed, When(items, ControllerEventKind.CoolingStop));
        Near(removed, When(items, ControllerEventKind.CapOff));
        Assert.True(items[^1].At <= removed.AddMinutes(s_free.Session.TailMinutes) + (2 * s_tick), $"powers off after the tail, not at {items[^1]}");
    }

    [Fact]
    public void SessionVoidedBeforeTheCapIsOn_NoCapNoCooling()
    {
        var started = Timelines.Start.AddMinutes(10);
        var items = new Person().StartAt(started).EndAt(started.AddMinutes(0.5)).Read(TimeSpan.FromHours(12));

        Assert.Equal(["hello:PowerOn", "Setpoint", "offline:Shutdown"], items.Story());
    }

    [Fact]
    public void AnotherSessionOnTheChair_TheFollowedOneIsOver()
    {
        var started = Timelines.Start.AddMinutes(10);
        var person = new Person().StartAt(started);
        person.Replace = (started.AddMinutes(30), "another-session");
        var items = person.Read(TimeSpan.FromHours(12));

        Assert.Equal(["hello:PowerOn", "Setpoint", "Calibrated", "CapOn", "CoolingStart", "CoolingStop", "CapOff", "offline:Shutdown"], items.Story());
        Near(started.AddMinutes(30), When(items, ControllerEventKind.CapOff));
    }

    private static DateTimeOffset When(IReadOnlyList<TimelineItem> items, ControllerEventKind kind) =>
        items.Events().Single(e => e.Kind == kind).Timestamp;

    /// <summary>Within two telemetry ticks after the expected instant: the controller sees the nurse's step at its next tick.</summary>
    private static void Near(DateTimeOffset expected, DateTimeOffset actual) =>
        Assert.InRange(actual, expected - TimeSpan.FromMilliseconds(1), expected + (2 * s_tick));

    private static Scenario BuiltIn(string name) =>
        BuiltInScenarios.TryGet(name, out var scenario) ? scenario with { Session = scenario.Session with { FirstOfCourse = true } } : throw new InvalidOperationException(name);

    /// <summary>A person documenting the chair: acts when the timeline being read reaches each time.</summary>
    private sealed class Person
    {
        private DateTimeOffset _now = Timelines.Start;
        private DateTimeOffset? _startAt;
        private DateTimeOffset? _infusionEndAt;
        private DateTimeOffset? _endAt;

        public (DateTimeOffset At, string SessionId)? Replace { get; set; }

        public static Person Never() => new();

        public Person StartAt(DateTimeOffset at)
        {
            _startAt = at;
            return this;
        }

        public Person InfusionEndAt(DateTimeOffset at)
        {
            _infusionEndAt = at;
            return this;
        }

        public Person EndAt(DateTimeOffset at)
        {
            _endAt = at;
            return this;
        }

        public IReadOnlyList<TimelineItem> Read(TimeSpan limit)
        {
            var items = new List<TimelineItem>();
            foreach (var item in ControllerTimeline.Following(s_free, SimulatedChair.Numbered(6), 1, Timelines.Start, Progress))
            {
                _now = item.At;
                items.Add(item);
                if (item.At > Timelines.Start + limit)
                {
                    break;
                }
            }

            return items;
        }

        private NurseProgress? Progress()
        {
            if (_startAt is not { } start || _now < start)
            {
                return null;
            }

            if (Replace is { } replaced && _now >= replaced.At)
            {
                return new NurseProgress(replaced.SessionId, null, false);
            }

            var infusionEnded = _infusionEndAt is { } ended && _now >= ended ? ended : (DateTimeOffset?)null;
            return new NurseProgress("session-1", infusionEnded, _endAt is { } end && _now >= end);
        }
    }
}
