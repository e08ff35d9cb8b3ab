using CsCheck;
using InfusionSuite.Domain.Courses;
using InfusionSuite.Domain.Sessions;
using static InfusionSuite.Domain.Tests.CourseSessions;

namespace InfusionSuite.Domain.Tests;

/// <summary>A course's adherence, cooling time and result (issue 17; rules in <see cref="CourseSummary"/>).</summary>
public sealed class CourseSummaryTests
{
    private static readonly CoursePolicy s_policy = CoursePolicy.Default;

    [Fact]
    public void ThreeCooledAndOneNotCooled_AdherenceIsThreeQuarters()
    {
        var course = Course("Docetaxel q3w", Completed("c1", "s1", 0), Completed("c1", "s2", 21), Completed("c1", "s3", 42));

        var summary = CourseSummary.Create(course, [NotCooled(63, NotCooledReason.NoChairOrDevice)], [], s_policy, Day(64));

        Assert.Equal(3, summary.SessionsCooled);
        Assert.Equal(4, summary.ChemotherapySessionsGiven);
        Assert.Equal(0.75, summary.Adherence);
    }

    [Fact]
    public void VoidedSessionIsNotGiven_AbortedBeforeTheCapIsGivenButNotCooled()
    {
        var course = Course("Standard", Completed("c1", "s1", 0), Voided("c1", "s2", 7), AbortedBeforeCap("c1", "s3", 14));

        var summary = CourseSummary.Create(course, [], [], s_policy, Day(15));

        Assert.Equal(1, summary.SessionsCooled);
        Assert.Equal(2, summary.ChemotherapySessionsGiven);
        Assert.Equal(0.5, summary.Adherence);
        Assert.Equal(["s1", "s2", "s3"], summary.Sessions.Select(s => s.SessionId));
    }

    [Fact]
    public void NothingGivenYet_HasNoAdherenceAndIsInProgress()
    {
        var summary = CourseSummary.Create(Course("Standard", Voided("c1", "s1", 0)), [], [], s_policy, Day(90));

        Assert.Null(summary.Adherence);
        Assert.Null(summary.FollowUpDueFrom);
        Assert.Equal(CourseResult.InProgress, summary.Result);
    }

    [Fact]
    public void AdherenceIsCooledOverCooledPlusNotCooled_ForAnyCounts()
    {
        Gen.Select(Gen.Int[1, 4], Gen.Int[0, 4]).Sample((cooled, skipped) =>
        {
            var sessions = Enumerable.Range(0, cooled).Select(i => Completed("c1", "s" + i, i * 7)).ToArray();
            var notCooled = Enumerable.Range(0, skipped).Select(i => NotCooled(100 + i)).ToList();

            var summary = CourseSummary.Create(Course("Standard", sessions), notCooled, [], s_policy, Day(200));

            Assert.Equal((double)cooled / (cooled + skipped), summary.Adherence);
            Assert.InRange(summary.Adherence!.Value, 0, 1);
        }, iter: 20);
    }

    [Fact]
    public void CumulativeCoolingTime_AddsPreInfusionAndPostCoolingOfEachCooledSession()
    {
        // 30 + 60 + 90 = 180 min and 45 + 120 + 60 = 225 min; warm-up (5 min) is not cooling.
        var course = Course("Standard", Completed("c1", "s1", 0), Completed("c1", "s2", 21, pre: 45, infusion: 120, post: 60));

        var summary = CourseSummary.Create(course, [], [], s_policy, Day(22));

        Assert.Equal(TimeSpan.FromMinutes(405), summary.CumulativeCoolingTime);
        Assert.Equal(TimeSpan.FromMinutes(45), summary.Sessions[1].PreCooling);
        Assert.Equal(TimeSpan.FromMinutes(60), summary.Sessions[1].PostCooling);
        Assert.Equal(TimeSpan.FromMinutes(90), summary.Sessions[1].PostCoolingTarget);
        Assert.Contains(summary.Sessions[1].Deviations, d => d.Code == DeviationCode.ShortPostcool);
    }

    [Fact]
    public void FollowUp_IsDueFourWeeksAfterTheLastDose_AndNotBefore()
    {
        // Last session on day 21: infusion ends at 09:00 + 2 + 30 + 60 min = 10:32 on day 21.
        var course = Course("Standard", Completed("c1", "s1", 0), Completed("c1", "s2", 21));
        var lastDose = Day(21).AddMinutes(92);

        var before = CourseSummary.Create(course, [], [], s_policy, lastDose.AddDays(28).AddMinutes(-1));
        var on = CourseSummary.Create(course, [], [], s_policy, lastDose.AddDays(28));

        Assert.Equal(lastDose, on.LastDoseAt);
        Assert.Equal(lastDose.AddDays(28), on.FollowUpDueFrom);
        Assert.Equal(CourseResult.InProgress, before.Result);
        Assert.Equal(CourseResult.FollowUpDue, on.Result);
    }

    [Fact]
    public void DeanBeforeTheFollowUpDay_DoesNotDecide_TheFirstOneOnOrAfterItDoes()
    {
        var course = Course("Standard", Completed("c1", "s1", 0));

        var early = CourseSummary.Create(course, [], [Dean(20, 1)], s_policy, Day(40));
        var decided = CourseSummary.Create(course, [], [Dean(20, 1), Dean(30, 2), Dean(40, 3)], s_policy, Day(41));
        var failed = CourseSummary.Create(course, [], [Dean(30, 3), Dean(40, 1)], s_policy, Day(41));

        Assert.Equal(CourseResult.FollowUpDue, early.Result);
        Assert.Equal(CourseResult.Success, decided.Result);
        Assert.Equal(2, decided.FollowUp!.Dean);
        Assert.Equal(CourseResult.NotSuccess, failed.Result);
    }

    [Fact]
    public void ChemotherapyGivenWithoutCoolingLater_MovesTheLastDoseAndTheFollowUp()
    {
        var course = Course("Standard", Completed("c1", "s1", 0));

        var summary = CourseSummary.Create(course, [NotCooled(21)], [Dean(30, 1)], s_policy, Day(40));

        Assert.Equal(Day(21), summary.LastDoseAt);
        Assert.Equal(CourseResult.InProgress, summary.Result);
    }

    [Fact]
    public void StoppedCooling_IsShownFromTheAssessmentThatSaysSo()
    {
        var course = Course("Anthracycline", Completed("c1", "s1", 0));

        var summary = CourseSummary.Create(course, [], [Dean(10, 3, stopped: true)], s_policy, Day(11));

        Assert.Equal("hair loss", summary.StoppedCooling!.StoppedCoolingReason);
    }
}
