using InfusionSuite.Domain.Courses;
using InfusionSuite.Domain.Sessions;
using static InfusionSuite.Domain.Tests.CourseSessions;

namespace InfusionSuite.Domain.Tests;

/// <summary>The chair time to book: targets + infusion + warm-up + the measured median overrun.</summary>
public sealed class ChairPlanningTests
{
    private static readonly RegimenPreset s_docetaxel = new("Docetaxel q3w", RegimenTargets.FromMinutes(30, 45));

    [Fact]
    public void ThreeSessionsOverrunning5To15Minutes_AddTheMedian10()
    {
        // Chair = pre + 60 + 45 + 5; planned = 30 + 60 + 45 + 10 → overrun = pre − 35: 5, 10, 15.
        var sessions = new[] { 40, 45, 50 }
            .Select((pre, i) => CourseSessionLine.From(Completed("c", "s" + i, i * 7, s_docetaxel.Targets, pre: pre, post: 45)));

        var plan = ChairPlanning.Plan(s_docetaxel, TimeSpan.FromMinutes(90), sessions, CoursePolicy.Default);

        Assert.Equal(TimeSpan.FromMinutes(10), plan.MedianOverrun);
        Assert.Equal(3, plan.MeasuredSessions);
        Assert.Equal(TimeSpan.FromMinutes(30 + 90 + 45 + 10 + 10), plan.Total);
    }

    [Fact]
    public void NoMeasuredSessionsOrEarlyFinishes_AddNothing()
    {
        var early = CourseSessionLine.From(Completed("c", "s", 0, s_docetaxel.Targets, post: 45));

        var none = ChairPlanning.Plan(s_docetaxel, TimeSpan.FromMinutes(60), [], CoursePolicy.Default);
        var fast = ChairPlanning.Plan(s_docetaxel, TimeSpan.FromMinutes(60), [early], CoursePolicy.Default);

        Assert.Equal((TimeSpan.Zero, 0), (none.MedianOverrun, none.MeasuredSessions));
        Assert.Equal((TimeSpan.Zero, 1), (fast.MedianOverrun, fast.MeasuredSessions));
        Assert.Equal(TimeSpan.FromMinutes(145), none.Total);
    }
}
