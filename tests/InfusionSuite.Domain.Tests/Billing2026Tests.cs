using InfusionSuite.Domain.Billing;
using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Courses;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Domain.Sessions.Inputs;

namespace InfusionSuite.Domain.Tests;

/// <summary>
/// The code set in force on the date of service (97007/97008/97009 from 2026-01-01), time units from
/// the measured post-infusion cooling, pairing as billing's decision, no infusion no add-on, and one
/// decision over the patient's date.
/// </summary>
public sealed class Billing2026Tests
{
    private static readonly TimeZoneInfo s_newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly BillingPolicy s_policy = BillingPolicy.Default with { SiteTimeZone = s_newYork };

    [Fact]
    public void SessionIn2026_Bills97008And97009UnitsFromThePostCoolingAnd97007ForTheFitting()
    {
        var record = Session("s1", Day(27, 9), calibrated: true, postMinutes: 90);

        var evaluation = Evaluate(record);

        var session = Assert.Single(evaluation.Placement);
        var time = Assert.Single(evaluation.Time);
        var fitting = Assert.Single(evaluation.Calibration);
        Assert.Equal(("97008", true, 1), (session.Code, session.Billable, session.Units));
        Assert.Equal(("97009", true, 3, 90), (time.Code, time.Billable, time.Units, time.SupportingMinutes));
        Assert.Equal(("97007", true), (fitting.Code, fitting.Billable));
    }

    [Fact]
    public void LastDayOf2025AndFirstDayOf2026_TakeTheCodeSetInForceOnTheLocalDateOfService()
    {
        // 31 Dec 2025 21:00 in New York is 1 Jan 2026 UTC: still the Category III codes.
        var newYearsEve = Session("s1", new DateTimeOffset(2025, 12, 31, 21, 0, 0, TimeSpan.FromHours(-5)), calibrated: true);
        var newYearsDay = Session("s2", new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.FromHours(-5)), calibrated: true, courseId: "course-2");

        var before = Evaluate(newYearsEve);
        var after = ScalpCoolingBilling.Evaluate([Course([newYearsDay], "course-2")], s_policy).Single();

        Assert.Equal(["0663T", "0662T"], before.All.Select(d => d.Code));
        Assert.Equal(new DateOnly(2025, 12, 31), before.Placement[0].DateOfService);
        Assert.Equal(["97008", "97009", "97007"], after.All.Select(d => d.Code));
    }

    [Theory]
    [InlineData(15, 0, false)]
    [InlineData(16, 1, true)]
    [InlineData(45, 1, true)]
    [InlineData(46, 2, true)]
    public void PostInfusionCoolingMinutes_BecomeUnitsByTheMidpointRule(int postMinutes, int units, bool billable)
    {
        var time = Evaluate(Session("s1", Day(27, 9), postMinutes: postMinutes)).Time.Single();

        Assert.Equal((units, postMinutes, billable), (time.Units, time.SupportingMinutes, time.Billable));
        if (!billable)
        {
            Assert.Equal([NotBillableReason.BelowOneTimeUnit], time.Reasons);
        }
    }

    [Fact]
    public void WholeUnitsSetting_CountsOnlyCompleteUnits()
    {
        var time = ScalpCoolingBilling.Evaluate([Course([Session("s1", Day(27, 9), postMinutes: 46)])], s_policy with { TimeUnitRule = TimeUnitRule.WholeUnits })
            .Single().Time.Single();

        Assert.Equal(1, time.Units);
    }

    [Fact]
    public void PrimaryCodeThatIsNotChemotherapy_IsDocumentedAndNotBillable()
    {
        var evaluation = Evaluate(Session("s1", Day(27, 9), primaryCode: "96360"));

        Assert.Equal([NotBillableReason.PrimaryCodeNotAllowed], evaluation.Placement.Single().Reasons);
        Assert.Equal([NotBillableReason.BaseCodeNotBillable], evaluation.Time.Single().Reasons);
    }

    [Fact]
    public void AbortedBeforeAnyInfusion_NoAddOnAndTheDateUnitStaysWithTheRealSession_FittingStaysBillable()
    {
        // Cap placed, aborted after 59 s, no infusion; the patient's real session the same afternoon.
        var aborted = new SessionScenario(start: Day(27, 8));
        aborted.Start(SessionScenario.Plan(sessionId: "s-aborted"));
        aborted.Event(ControllerEventKind.Calibrated, "M");
        aborted.Minutes(1);
        aborted.FitAndStartCooling();
        aborted.Advance(TimeSpan.FromSeconds(59));
        aborted.Abort(AbortReason.PatientRequest);
        var real = Session("s-real", Day(27, 13), firstOfCourse: false);

        var evaluation = ScalpCoolingBilling.Evaluate([Course([aborted.Record, real])], s_policy).Single();

        Assert.Equal([NotBillableReason.NoInfusion], evaluation.Placement.Single(d => d.SessionId == "s-aborted").Reasons);
        Assert.Equal([NotBillableReason.NoInfusion], evaluation.Time.Single(d => d.SessionId == "s-aborted").Reasons);
        Assert.True(evaluation.Placement.Single(d => d.SessionId == "s-real").Billable);
        Assert.True(evaluation.Calibration.Single(d => d.SessionId == "s-aborted").Billable);
    }

    [Fact]
    public void SessionPlacedFirstButStillCooling_TakesTheDateUnitFromALaterSessionThatEndedFirst()
    {
        var first = new SessionScenario(start: Day(27, 8));
        first.Start(SessionScenario.Plan(sessionId: "A"));
        first.RunToPostCooling();
        var later = Session("B", Day(27, 9), firstOfCourse: false);

        var whileACools = ScalpCoolingBilling.Evaluate([Course([first.Record, later])], s_policy).Single();
        first.Minutes(90);
        first.Event(ControllerEventKind.CoolingStop);
        first.Minutes(5);
        first.Event(ControllerEventKind.CapOff);
        var afterAEnds = ScalpCoolingBilling.Evaluate([Course([first.Record, later])], s_policy).Single();

        Assert.Equal([NotBillableReason.SecondSessionSameDate], whileACools.Placement.Single(d => d.SessionId == "B").Reasons);
        Assert.True(afterAEnds.Placement.Single(d => d.SessionId == "A").Billable);
        Assert.Equal([NotBillableReason.SecondSessionSameDate], afterAEnds.Placement.Single(d => d.SessionId == "B").Reasons);
        Assert.Equal([NotBillableReason.BaseCodeNotBillable], afterAEnds.Time.Single(d => d.SessionId == "B").Reasons);
    }

    [Fact]
    public void VoidOfTheBilledSession_MakesTheOtherSessionOfTheDateBillable()
    {
        var c = new SessionScenario(start: Day(27, 8));
        c.Start(SessionScenario.Plan(sessionId: "C"));
        c.RunCompleteSessionAfterStart();
        var d = Session("D", Day(27, 13), firstOfCourse: false);
        var before = ScalpCoolingBilling.Evaluate([Course([c.Record, d])], s_policy).Single();

        c.Nurse(now => new VoidSession(now, SessionScenario.NurseId, VoidReason.WrongPatient));
        var after = ScalpCoolingBilling.Evaluate([Course([c.Record, d])], s_policy).Single();

        Assert.False(before.Placement.Single(x => x.SessionId == "D").Billable);
        Assert.True(after.Placement.Single(x => x.SessionId == "D").Billable);
        Assert.True(after.Time.Single(x => x.SessionId == "D").Billable);
    }

    [Fact]
    public void CapPlacedBeforeMidnightInfusedAfter_TheChargeIsOnTheInfusionDateAndSaysWhereTheCapWasPlaced()
    {
        var late = new SessionScenario(start: Day(27, 23) + TimeSpan.FromMinutes(20)); // placed 23:22, infusion at 00:07
        late.Start(SessionScenario.Plan(sessionId: "s1"));
        late.RunCompleteSessionAfterStart(preMinutes: 45);

        var placement = Evaluate(late.Record).Placement.Single();

        Assert.Equal(new DateOnly(2026, 11, 28), placement.DateOfService);
        Assert.Equal(new DateOnly(2026, 11, 27), placement.CapPlacedOn);
    }

    [Fact]
    public void PayerStillOnTheOldCodes_IsAPayerRowNotACodeChange()
    {
        var policy = s_policy with { Codes = BillingCodeSet.Create(ShippedBillingCodes.CategoryIIIOpenEnded) };

        var evaluation = ScalpCoolingBilling.Evaluate([Course([Session("s1", Day(27, 9), calibrated: true)])], policy).Single();

        Assert.Equal(["0663T", "0662T"], evaluation.All.Select(d => d.Code));
    }

    [Fact]
    public void SessionWithoutAVisit_IsHeldWithTheReasonWhereTheSiteHoldsSuchCharges_AndStillTakesItsDateUnit()
    {
        var noVisit = Session("s1", Day(27, 8), calibrated: true);
        var withVisit = Session("s2", Day(27, 13), firstOfCourse: false, encounter: "Encounter/e-2");
        var holding = s_policy with { HoldWithoutVisit = true };

        var held = ScalpCoolingBilling.Evaluate([Course([noVisit, withVisit])], holding).Single();
        var sent = ScalpCoolingBilling.Evaluate([Course([noVisit, withVisit])], s_policy).Single();

        Assert.All(held.All.Where(d => d.SessionId == "s1"), d =>
        {
            Assert.Equal((true, false), (d.IsHeld, d.Billable));
            Assert.Equal([HeldReason.NoVisit], d.Held);
        });
        Assert.Equal([NotBillableReason.SecondSessionSameDate], held.Placement.Single(d => d.SessionId == "s2").Reasons);
        Assert.All(sent.All.Where(d => d.SessionId == "s1"), d => Assert.True(d.Billable));
    }

    private static CourseBillingEvaluation Evaluate(ScalpCoolingSessionRecord record) =>
        ScalpCoolingBilling.Evaluate([Course([record], record.Plan.CourseId)], s_policy).Single();

    private static ScalpCoolingCourse Course(IEnumerable<ScalpCoolingSessionRecord> sessions, string courseId = "course-1") =>
        ScalpCoolingCourse.Create(courseId, "patient-1", "AC-T", capMeasuredAndCalibrated: true, sessions);

    /// <summary>New York wall-clock time on a day of November 2026 (EST, UTC-5).</summary>
    private static DateTimeOffset Day(int day, int hour) => new(2026, 11, day, hour, 0, 0, TimeSpan.FromHours(-5));

    private static ScalpCoolingSessionRecord Session(
        string id, DateTimeOffset start, string? primaryCode = "96413", bool calibrated = false,
        bool firstOfCourse = true, string courseId = "course-1", double postMinutes = 90, string? encounter = null)
    {
        var chair = new SessionScenario(start: start);
        chair.Start(SessionScenario.Plan(primaryCode: primaryCode, firstOfCourse: firstOfCourse, sessionId: id, courseId: courseId, encounter: encounter));
        if (calibrated)
        {
            chair.Event(ControllerEventKind.Calibrated, "M");
        }

        chair.RunCompleteSessionAfterStart(postMinutes: postMinutes);
        return chair.Record;
    }
}
