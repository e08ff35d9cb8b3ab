using InfusionSuite.Domain.Billing;
using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Courses;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Domain.Sessions.Inputs;

namespace InfusionSuite.Domain.Tests;

/// <summary>
/// What a billing system needs (billing.md §5): the visit given after the start releases a held charge,
/// the payer's code set, the ordering provider and diagnoses on the session, the site's department and
/// charge-master line on each charge, the early-stop modifier on a session stopped early.
/// </summary>
public sealed class BillingDetailsTests
{
    private static readonly TimeZoneInfo s_newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly BillingPolicy s_holding = BillingPolicy.Default with { SiteTimeZone = s_newYork, HoldWithoutVisit = true };
    private static readonly DateTimeOffset s_nine = new(2026, 11, 27, 9, 0, 0, TimeSpan.FromHours(-5));

    [Fact]
    public void VisitGivenAfterTheEnd_ReleasesTheHeldCharges_AndKeepsTheClinicalRecord()
    {
        var chair = Completed();
        var before = chair.Record;
        Assert.All(Decide(before, s_holding), d => Assert.Equal([HeldReason.NoVisit], d.Held));

        var outcome = chair.Session.Apply(new GiveBillingDetails(chair.Now, "clerk-1", "Encounter/V-5501", new BillingDetails("1234567893", ["C50.911", "Z51.11"])));

        Assert.True(outcome.IsAccepted);
        var after = chair.Record;
        Assert.Equal(("Encounter/V-5501", "1234567893"), (after.Plan.EncounterReference, after.Plan.Billing!.OrderingProviderNpi));
        Assert.Equal(["C50.911", "Z51.11"], after.Plan.Billing.DiagnosisCodes);
        Assert.Equal((before.Status, before.Boundaries, before.Phases.Count), (after.Status, after.Boundaries, after.Phases.Count));
        Assert.DoesNotContain("clerk-1", after.Nurses);
        Assert.Contains(after.NurseEntries, e => e.Kind == NurseActionKind.BillingDetails && e.NurseId == "clerk-1");
        Assert.All(Decide(after, s_holding), d => Assert.Empty(d.Held));
        Assert.Contains(Decide(after, s_holding), d => d.Code == "97008" && d.Billable);
    }

    [Fact]
    public void DetailsGivenTwice_WhatIsLeftOutStays()
    {
        var chair = Completed();
        chair.Session.Apply(new GiveBillingDetails(chair.Now, "clerk-1", "V-1", new BillingDetails("1234567893", ["C50.911"], "Acme Health")));
        chair.Minutes(1);

        chair.Session.Apply(new GiveBillingDetails(chair.Now, "clerk-1", null, new BillingDetails(Diagnoses: ["C50.912"])));

        var plan = chair.Record.Plan;
        Assert.Equal(("V-1", "1234567893", "Acme Health"), (plan.EncounterReference, plan.Billing!.OrderingProviderNpi, plan.Billing.Payer));
        Assert.Equal(["C50.912"], plan.Billing.DiagnosisCodes);
    }

    [Fact]
    public void VoidedSession_RefusesBillingDetails()
    {
        var chair = Completed();
        chair.Nurse(t => new VoidSession(t, SessionScenario.EndingNurse, VoidReason.WrongPatient));

        var outcome = chair.Session.Apply(new GiveBillingDetails(chair.Now, "clerk-1", "V-1", BillingDetails.None));

        Assert.Equal(RefusalReason.SessionVoided, outcome.Reason);
    }

    [Fact]
    public void PayerWithItsOwnCodeSet_TakesItsCodes_OtherPayersTheSite()
    {
        var chair = Completed();
        var policy = s_holding with
        {
            HoldWithoutVisit = false,
            PayerCodes = new Dictionary<string, BillingCodeSet>(StringComparer.Ordinal) { ["Legacy Plan"] = BillingCodeSet.Create(ShippedBillingCodes.CategoryIIIOpenEnded) },
        };
        Assert.Equal(["97008", "97009", "97007"], Decide(chair.Record, policy).Select(d => d.Code));

        chair.Session.Apply(new GiveBillingDetails(chair.Now, "clerk-1", null, new BillingDetails(Payer: "Legacy Plan")));

        Assert.Equal(["0663T", "0662T"], Decide(chair.Record, policy).Select(d => d.Code));
    }

    [Fact]
    public void SiteChargeMasterAndDepartment_GoOnEachCharge_EarlyStopModifierOnlyOnTheStoppedSessionsCode()
    {
        var policy = s_holding with
        {
            HoldWithoutVisit = false,
            Department = "ONC-INF",
            EarlyStopModifier = "52",
            ChargeMaster = new Dictionary<string, ChargeMasterEntry>(StringComparer.Ordinal) { ["97008"] = new("CDM-40097008", "0940") },
        };
        var completed = Decide(Completed().Record, policy);
        var stopped = Decide(Stopped().Record, policy);

        Assert.All(completed, d => Assert.Equal("ONC-INF", d.Department));
        Assert.Equal(new ChargeMasterEntry("CDM-40097008", "0940"), completed.Single(d => d.Code == "97008").ChargeMaster);
        Assert.Null(completed.Single(d => d.Code == "97009").ChargeMaster);
        Assert.All(completed, d => Assert.Empty(d.Modifiers));
        Assert.Equal(["52"], stopped.Single(d => d.Code == "97008").Modifiers);
        Assert.All(stopped.Where(d => d.Code != "97008"), d => Assert.Empty(d.Modifiers));
    }

    private static IReadOnlyList<CodeDecision> Decide(ScalpCoolingSessionRecord record, BillingPolicy policy) =>
        [.. ScalpCoolingBilling.Evaluate([ScalpCoolingCourse.Create(record.Plan.CourseId, record.Plan.PatientReference, "AC-T", true, [record])], policy).Single().All];

    private static SessionScenario Completed()
    {
        var chair = new SessionScenario(start: s_nine);
        chair.Start(SessionScenario.Plan(sessionId: "s1", courseId: "course-1"));
        chair.Event(ControllerEventKind.Calibrated, "M");
        chair.RunCompleteSessionAfterStart();
        return chair;
    }

    /// <summary>Cap on, infusion started, then stopped early by the nurse (the patient could not tolerate the cold).</summary>
    private static SessionScenario Stopped()
    {
        var chair = new SessionScenario(start: s_nine);
        chair.Start(SessionScenario.Plan(sessionId: "s2", courseId: "course-1"));
        chair.Event(ControllerEventKind.Calibrated, "M");
        chair.Event(ControllerEventKind.CapOn);
        chair.Event(ControllerEventKind.CoolingStart);
        chair.RunMinutes(30);
        chair.Nurse(t => new StartInfusion(t, SessionScenario.NurseId));
        chair.RunMinutes(20);
        chair.Nurse(t => new AbortSession(t, SessionScenario.NurseId, AbortReason.Other));
        return chair;
    }
}
