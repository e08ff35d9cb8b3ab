using InfusionSuite.Domain.Courses;
using InfusionSuite.Domain.Sessions;
using static InfusionSuite.Domain.Tests.CourseSessions;

namespace InfusionSuite.Domain.Tests;

/// <summary>The suite report on a seeded set of courses; every number below is counted by hand in the comments.</summary>
public sealed class SuiteReportTests
{
    private static readonly RegimenTargets s_docetaxel = RegimenTargets.FromMinutes(30, 45);

    /// <summary>
    /// Docetaxel q3w (30/45): D1 Dean 1 (success), D2 Dean 2 (success; 2 cooled of 3 given), D3 Dean 3
    /// (not), D4 no Dean on day 100 (follow-up due), D5 last dose on day 200 (outside the range).
    /// Anthracycline (30/90): A1 Dean 4 (not), A2 Dean 2 with a 60-min post-cooling (success, SHORT_POSTCOOL).
    /// </summary>
    private static SuiteReport Seeded()
    {
        CourseSummary Summary(ScalpCoolingCourse course, ChemoGivenNotCooled[] notCooled, params OutcomeAssessment[] assessments) =>
            CourseSummary.Create(course, notCooled, assessments, CoursePolicy.Default, Day(100));

        ScalpCoolingSessionRecord Doce(string course, string session, int day, double pre = 30) =>
            Completed(course, session, day, s_docetaxel, patient: "p-" + course, pre: pre, post: 45);

        var courses = new[]
        {
            Summary(Course("Docetaxel q3w", Doce("D1", "d1a", 0), Doce("D1", "d1b", 21, pre: 40)), [], Dean(60, 1)),
            Summary(Course("Docetaxel q3w", Doce("D2", "d2a", 0), Doce("D2", "d2b", 21)), [NotCooled(42)], Dean(80, 2)),
            Summary(Course("Docetaxel q3w", Doce("D3", "d3a", 0)), [], Dean(40, 3)),
            Summary(Course("Docetaxel q3w", Doce("D4", "d4a", 0)), []),
            Summary(Course("Docetaxel q3w", Doce("D5", "d5a", 200)), [], Dean(240, 0)),
            Summary(Course("Anthracycline", Completed("A1", "a1a", 0, patient: "p-A1")), [], Dean(30, 4)),
            Summary(Course("Anthracycline", Completed("A2", "a2a", 0, patient: "p-A2", post: 60)), [], Dean(30, 2)),
        };
        return SuiteReport.Build(courses, Day(0), Day(150), CoursePolicy.Default);
    }

    [Fact]
    public void SuccessRateByRegimen_CountsOnlyCoursesWithAFollowUpResultInTheRange()
    {
        var report = Seeded();

        var anthracycline = report.Outcomes[0];
        var docetaxel = report.Outcomes[1];
        Assert.Equal(("Anthracycline", 2, 2, 1), (anthracycline.Regimen, anthracycline.Courses, anthracycline.WithResult, anthracycline.Successes));
        Assert.Equal(0.5, anthracycline.SuccessRate);
        Assert.Equal(("Docetaxel q3w", 4, 3, 2, 1), (docetaxel.Regimen, docetaxel.Courses, docetaxel.WithResult, docetaxel.Successes, docetaxel.FollowUpDue));
        Assert.Equal(2.0 / 3, docetaxel.SuccessRate);
        Assert.Equal((3, 5), (report.Overall.Successes, report.Overall.WithResult));
    }

    [Fact]
    public void AdherenceByRegimen_IncludesChemotherapyGivenWithoutCooling()
    {
        var report = Seeded();

        // Docetaxel in range: D1 2/2, D2 2/3, D3 1/1, D4 1/1 → 6 cooled of 7 given.
        Assert.Equal((6, 7), (report.Outcomes[1].SessionsCooled, report.Outcomes[1].ChemotherapySessionsGiven));
        Assert.Equal(6.0 / 7, report.Outcomes[1].Adherence);
        Assert.Equal(1.0, report.Outcomes[0].Adherence);
    }

    [Fact]
    public void DeviationRates_AreOverCooledSessionsInTheRange()
    {
        var report = Seeded();

        // Cooled sessions starting in [day 0, day 150): D1 2, D2 2, D3 1, D4 1, A1 1, A2 1 = 8; only A2's post-cooling is short.
        var shortPost = report.Deviations.Single(d => d.Code == DeviationCode.ShortPostcool);
        Assert.Equal(("SHORT_POSTCOOL", 1, 8), (shortPost.Name, shortPost.Sessions, shortPost.CooledSessions));
        Assert.Equal(0.125, shortPost.Rate);
        Assert.Equal(Enum.GetValues<DeviationCode>().Length, report.Deviations.Count);
    }

    [Fact]
    public void Timing_MeanPreAndPostCoolingAgainstTargetAndChairTime()
    {
        var docetaxel = Seeded().Timing.Single(t => t.Regimen == "Docetaxel q3w");

        // Six sessions: pre 30 ×5 and 40 ×1 → 190/6 min; post 45 each; chair 140 ×5 and 150 ×1 (pre + 60 + 45 + 5 warm-up).
        Assert.Equal(6, docetaxel.Sessions);
        Assert.Equal(TimeSpan.FromMinutes(190) / 6, docetaxel.MeanPreCooling);
        Assert.Equal(TimeSpan.FromMinutes(30), docetaxel.MeanPreCoolingTarget);
        Assert.Equal(TimeSpan.FromMinutes(45), docetaxel.MeanPostCooling);
        Assert.Equal(TimeSpan.FromMinutes(45), docetaxel.MeanPostCoolingTarget);
        Assert.Equal(TimeSpan.FromMinutes(140), docetaxel.MedianChairTime);
        Assert.Equal(TimeSpan.FromMinutes(850) / 6, docetaxel.MeanChairTime);
        // Overrun = chair − (30 + 60 + 45 + 10 planned warm-up): −5 ×5 and +5 → median −5.
        Assert.Equal(TimeSpan.FromMinutes(-5), docetaxel.MedianOverrun);
    }

    [Fact]
    public void References_AreThePublishedFigures()
    {
        Assert.Equal([50.5, 80, 10], Seeded().References.Select(r => r.Percent));
    }
}
