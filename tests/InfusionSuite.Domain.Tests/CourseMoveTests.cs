using InfusionSuite.Domain.Billing;
using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Courses;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Domain.Sessions.Inputs;

namespace InfusionSuite.Domain.Tests;

/// <summary>A session moved to another course (billing.md §4): its plan names the new course, the record is unchanged, billing over both courses moves the fitting.</summary>
public sealed class CourseMoveTests
{
    private static readonly BillingPolicy s_policy = BillingPolicy.Default with { SiteTimeZone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York") };

    [Fact]
    public void SecondFittingMovedIntoTheFirstCourse_IsNoLongerBillable_TheFirstKeepsIt()
    {
        var first = Completed("s1", "course-A", new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.FromHours(-5)));
        var second = Completed("s2", "course-B", new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.FromHours(-5)));
        Assert.All(Fittings([first.Record], [second.Record]), d => Assert.True(d.Billable));
        var before = second.Record;

        var outcome = second.Session.Apply(new MoveToCourse(second.Now, "clerk-1", "course-A"));

        Assert.True(outcome.IsAccepted);
        var moved = second.Record;
        Assert.Equal("course-A", moved.Plan.CourseId);
        Assert.Equal((before.Status, before.Boundaries, before.Calibration), (moved.Status, moved.Boundaries, moved.Calibration));
        Assert.DoesNotContain("clerk-1", moved.Nurses);
        var fittings = Fittings([first.Record, moved], []);
        Assert.True(fittings.Single(d => d.SessionId == "s1").Billable);
        Assert.Equal([NotBillableReason.CalibrationAlreadyReportedInCourse], fittings.Single(d => d.SessionId == "s2").Reasons);
    }

    private static IReadOnlyList<CodeDecision> Fittings(IReadOnlyList<ScalpCoolingSessionRecord> courseA, IReadOnlyList<ScalpCoolingSessionRecord> courseB)
    {
        var courses = new List<ScalpCoolingCourse> { ScalpCoolingCourse.Create("course-A", "patient-1", "AC-T", true, courseA) };
        if (courseB.Count > 0)
        {
            courses.Add(ScalpCoolingCourse.Create("course-B", "patient-1", "AC-T", true, courseB));
        }

        return [.. ScalpCoolingBilling.Evaluate(courses, s_policy).SelectMany(e => e.Calibration)];
    }

    private static SessionScenario Completed(string id, string courseId, DateTimeOffset start)
    {
        var chair = new SessionScenario(start: start);
        chair.Start(SessionScenario.Plan(sessionId: id, courseId: courseId, patient: "patient-1"));
        chair.Event(ControllerEventKind.Calibrated, "M");
        chair.RunCompleteSessionAfterStart();
        return chair;
    }
}
