using InfusionSuite.Domain.Billing;
using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Courses;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Domain.Sessions.Inputs;

namespace InfusionSuite.Domain.Tests;

/// <summary>The Category III code set (dates of service in 2025): 0663T per session, 0662T per course or patient, and the medical-review warning.</summary>
public sealed class BillingTests
{
    private static readonly TimeZoneInfo s_newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly BillingPolicy s_policy = BillingPolicy.Default with { SiteTimeZone = s_newYork };

    [Fact]
    public void CompletedSessionWithAllowedPrimaryCode_Bills0663T()
    {
        var decision = Placement(Session("s1", Day(27, 9)));

        Assert.True(decision.Billable);
        Assert.Equal("0663T", decision.Code);
    }

    [Theory]
    [InlineData(null, NotBillableReason.NoPrimaryCode)]
    [InlineData("96365", NotBillableReason.PrimaryCodeNotAllowed)]
    public void MissingOrWrongPrimaryCode_DoesNotBill0663T(string? code, NotBillableReason reason)
    {
        var decision = Placement(Session("s1", Day(27, 9), primaryCode: code));

        Assert.Equal([reason], decision.Reasons);
    }

    [Fact]
    public void SessionWithoutCapPlaced_DoesNotBill0663T()
    {
        var chair = new SessionScenario(start: Day(27, 9));
        chair.Start();
        chair.Abort(AbortReason.PatientRequest);

        Assert.Equal([NotBillableReason.NoCapPlaced], Placement(chair.Record).Reasons);
    }

    [Fact]
    public void AbortedSessionAfterPlacement_StillBills0663T()
    {
        var chair = new SessionScenario(start: Day(27, 9));
        chair.RunToInfusing();
        chair.Abort(AbortReason.ColdIntolerance);

        Assert.True(Placement(chair.Record).Billable);
    }

    [Fact]
    public void RunningOrVoidedSession_DoesNotBill0663T()
    {
        var running = new SessionScenario(start: Day(27, 9));
        running.RunToInfusing();
        var voided = new SessionScenario(start: Day(28, 9));
        voided.RunCompleteSession();
        voided.Nurse(now => new VoidSession(now, SessionScenario.NurseId, VoidReason.EnteredInError));

        Assert.Equal([NotBillableReason.SessionNotFinished], Placement(running.Record).Reasons);
        Assert.Equal([NotBillableReason.SessionVoided], Placement(voided.Record).Reasons);
    }

    [Fact]
    public void SecondSessionSameLocalDate_IsDocumentedButNotBilled()
    {
        var first = Session("s1", Day(27, 9));
        var second = Session("s2", Day(27, 15));
        var course = Course([first, second]);

        var evaluation = ScalpCoolingBilling.Evaluate([course], s_policy).Single();

        Assert.True(evaluation.Placement[0].Billable);
        Assert.Equal([NotBillableReason.SecondSessionSameDate], evaluation.Placement[1].Reasons);
    }

    [Fact]
    public void EveningSessionInNewYork_IsOnTheLocalDateNotTheUtcDate()
    {
        // 27 Nov 19:30 in New York is 28 Nov 00:30 UTC; a session the next morning is another date of service.
        // (The infusion starts 32 min after the start, still on 27 Nov local.)
        var evening = Session("s1", Day(27, 19) + TimeSpan.FromMinutes(30));
        var nextMorning = Session("s2", Day(28, 9));

        var evaluation = ScalpCoolingBilling.Evaluate([Course([evening, nextMorning])], s_policy).Single();

        Assert.Equal(new DateOnly(2025, 11, 27), evaluation.Placement[0].DateOfService);
        Assert.All(evaluation.Placement, d => Assert.True(d.Billable));
    }

    [Fact]
    public void CalibrationInFirstSession_Bills0662TOncePerCourse()
    {
        var first = Session("s1", Day(2, 9), calibrated: true);
        var second = Session("s2", Day(23, 9), calibrated: true, firstOfCourse: false);

        var evaluation = ScalpCoolingBilling.Evaluate([Course([first, second])], s_policy).Single();

        Assert.Equal("s1", evaluation.Calibration[0].SessionId);
        Assert.True(evaluation.Calibration[0].Billable);
        Assert.Equal([NotBillableReason.CalibrationAlreadyReportedInCourse], evaluation.Calibration[1].Reasons);
    }

    [Fact]
    public void NoCalibrationDocumented_DoesNotBill0662T()
    {
        var first = Session("s1", Day(2, 9));
        var course = ScalpCoolingCourse.Create("course-1", "patient-1", "AC-T", capMeasuredAndCalibrated: false, [first]);

        var evaluation = ScalpCoolingBilling.Evaluate([course], s_policy).Single();

        Assert.Equal([NotBillableReason.NoCalibration], Assert.Single(evaluation.Calibration).Reasons);
    }

    [Theory]
    [InlineData(CalibrationScope.Course, true)]
    [InlineData(CalibrationScope.Patient, false)]
    public void SecondCourseCalibration_BillsOnlyWhenScopeIsCourse(CalibrationScope scope, bool billable)
    {
        var course1 = Course([Session("s1", Day(2, 9), calibrated: true)]);
        var course2 = Course([Session("s2", Day(26, 9), calibrated: true, courseId: "course-2")], "course-2");

        var evaluation = ScalpCoolingBilling.Evaluate([course2, course1], s_policy with { CalibrationScope = scope });

        Assert.Equal("course-1", evaluation[0].CourseId);
        Assert.True(evaluation[0].Calibration[0].Billable);
        Assert.Equal(billable, evaluation[1].Calibration[0].Billable);
    }

    [Theory]
    [InlineData(2, 2, true)] // both courses fitted on one date: almost always one course entered twice
    [InlineData(2, 3, false)]
    public void TwoCoursesFittedTheSameDate_WarnOnBoth_AndBlockNothing(int firstDay, int secondDay, bool warned)
    {
        var course1 = Course([Session("s1", Day(firstDay, 9), calibrated: true)]);
        var course2 = Course([Session("s2", Day(secondDay, 13), calibrated: true, courseId: "course-2")], "course-2");

        var evaluation = ScalpCoolingBilling.Evaluate([course1, course2], s_policy);

        Assert.All(evaluation, e => Assert.Equal(warned, e.Warnings.Any(w => w.Code == BillingWarningCode.SecondFittingSameDate)));
        Assert.All(evaluation, e => Assert.True(e.Calibration[0].Billable)); // a warning for the billing office, never a block
        if (warned)
        {
            Assert.Contains("course-2", evaluation[0].Warnings.Single(w => w.Code == BillingWarningCode.SecondFittingSameDate).Detail, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(8, false)]
    [InlineData(9, true)]
    public void MoreThanEightSessions_WarnsOfMedicalReview(int sessions, bool warned)
    {
        var records = Enumerable.Range(1, sessions).Select(i => Session($"s{i}", Day(1, 9) + TimeSpan.FromDays(i))).ToList();

        var evaluation = ScalpCoolingBilling.Evaluate([Course(records)], s_policy).Single();

        Assert.Equal(warned, evaluation.Warnings.Any(w => w.Code == BillingWarningCode.MedicalReviewLikely));
        Assert.All(evaluation.Placement, d => Assert.True(d.Billable));
    }

    [Fact]
    public void SessionOfAnotherPatient_CannotJoinTheCourse()
    {
        var stranger = Session("s1", Day(2, 9), patient: "patient-2");

        var error = Assert.Throws<ArgumentException>(() => Course([stranger]));

        Assert.DoesNotContain("patient-2", error.Message, StringComparison.Ordinal);
    }

    private static CodeDecision Placement(ScalpCoolingSessionRecord record) =>
        ScalpCoolingBilling.Evaluate([Course([record])], s_policy).Single().Placement.Single();

    private static ScalpCoolingCourse Course(IEnumerable<ScalpCoolingSessionRecord> sessions, string courseId = "course-1") =>
        ScalpCoolingCourse.Create(courseId, "patient-1", "AC-T", capMeasuredAndCalibrated: true, sessions);

    /// <summary>New York wall-clock time on a day of November 2025 (EST, UTC-5; the Category III codes are in force).</summary>
    private static DateTimeOffset Day(int day, int hour) => new(2025, 11, day, hour, 0, 0, TimeSpan.FromHours(-5));

    private static ScalpCoolingSessionRecord Session(
        string id, DateTimeOffset start, string? primaryCode = "96413", bool calibrated = false,
        bool firstOfCourse = true, string courseId = "course-1", string patient = "patient-1")
    {
        var chair = new SessionScenario(start: start);
        chair.Start(SessionScenario.Plan(primaryCode: primaryCode, firstOfCourse: firstOfCourse, sessionId: id, courseId: courseId, patient: patient));
        if (calibrated)
        {
            chair.Event(ControllerEventKind.Calibrated, "M");
        }

        chair.RunCompleteSessionAfterStart();
        return chair.Record;
    }
}
