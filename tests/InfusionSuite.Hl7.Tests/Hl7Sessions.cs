using InfusionSuite.Domain.Billing;
using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Courses;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Domain.Sessions.Inputs;
using InfusionSuite.Hl7.Configuration;
using InfusionSuite.Hl7.Messages;
using InfusionSuite.Hl7.Segments;
using Microsoft.Extensions.Time.Testing;

namespace InfusionSuite.Hl7.Tests;

/// <summary>Sessions folded from inputs by the real domain on a simulated chair, and their HL7 context.</summary>
internal static class Hl7Sessions
{
    /// <summary>09:00 in New York (EST, −05:00) on 27 November 2026.</summary>
    public static readonly DateTimeOffset Morning = new(2026, 11, 27, 14, 0, 0, TimeSpan.Zero);

    public static TimeZoneInfo NewYork { get; } = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    public static Hl7Options Options() => new()
    {
        Enabled = true,
        SendingFacility = "NORTH-ONC",
        ReceivingApplication = "EPIC",
        ReceivingFacility = "NORTH",
        Host = "127.0.0.1",
    };

    public static SessionMessages Messages(Hl7Options? options = null, TimeProvider? time = null) =>
        new(options ?? Options(), NewYork, time ?? new FakeTimeProvider(Morning.AddHours(4)));

    /// <summary>30 min pre-cooling, 60 min infusion, 90 min post-cooling, 5 min warm-up; tolerance 2. First of course: calibrated, 0662T too.</summary>
    public static ScalpCoolingSessionRecord Completed(string sessionId, bool firstOfCourse = true, string encounter = "V-778812") => Chair(sessionId, firstOfCourse, encounter).Record;

    /// <summary>The record as the session ended, and after a nurse voided it ten minutes later.</summary>
    public static (ScalpCoolingSessionRecord Completed, ScalpCoolingSessionRecord Voided) CompletedThenVoided(string sessionId)
    {
        var chair = Chair(sessionId, firstOfCourse: true);
        var completed = chair.Record;
        chair.Clock.Advance(TimeSpan.FromMinutes(10));
        chair.Nurse(t => new VoidSession(t, SessionScenario.EndingNurse, VoidReason.WrongPatient));
        return (completed, chair.Record);
    }

    // A payer that still takes the Category III codes after 2025 (these tests' sessions are in 2026).
    public static IReadOnlyList<CodeDecision> Charges(ScalpCoolingSessionRecord record) =>
        Decide(record, BillingCodeSet.Create(ShippedBillingCodes.CategoryIIIOpenEnded));

    /// <summary>The shipped 2026 set: 97008, 97009 (90 min of post-infusion cooling: 3 units) and, first of course, 97007.</summary>
    public static IReadOnlyList<CodeDecision> Charges2026(ScalpCoolingSessionRecord record) => Decide(record, BillingCodeSet.Shipped);

    private static IReadOnlyList<CodeDecision> Decide(ScalpCoolingSessionRecord record, BillingCodeSet codes)
    {
        var course = ScalpCoolingCourse.Create(record.Plan.CourseId, record.Plan.PatientReference, "paclitaxel weekly", record.Plan.FirstOfCourse, [record]);
        var evaluation = ScalpCoolingBilling.Evaluate([course], new BillingPolicy { SiteTimeZone = NewYork, Codes = codes })[0];
        return [.. evaluation.All];
    }

    public static Hl7SessionContext Context(ScalpCoolingSessionRecord record, string? note = null) => new()
    {
        PatientId = "MRN-100234",
        PatientFamilyName = "Rivera",
        PatientGivenName = "Ana",
        Practitioners = new Dictionary<string, Hl7Person>(StringComparer.Ordinal)
        {
            [SessionScenario.NurseId] = new("1234567893", "Okafor", "Grace", "NPI", "NPI"),
        },
        OrderedBy = new Hl7Person("1987654320", "Lindqvist", "Erik", "NPI", "NPI"),
        Diagnoses = [new Hl7Code("C50.911", "Malignant neoplasm of unspecified site of right female breast", "I10")],
        Note = note,
        Charges = Charges(record),
    };

    /// <summary>A completed session with two adverse events documented after it: a headache, and an "Other" in the nurse's words.</summary>
    public static ScalpCoolingSessionRecord WithAdverseEvents(string sessionId, string otherDetails)
    {
        var chair = Chair(sessionId, firstOfCourse: false);
        chair.Nurse(t => new RecordAdverseEvent(t, SessionScenario.EndingNurse, AdverseEventKind.Headache));
        chair.Nurse(t => new RecordAdverseEvent(t, SessionScenario.EndingNurse, AdverseEventKind.Other, Details: otherDetails));
        return chair.Record;
    }

    /// <summary>Aborted 20 min into the infusion; the controller's COOLING_STOP and CAP_OFF 1 and 5 min later (a warm sample between).</summary>
    public static ScalpCoolingSessionRecord AbortedThenCapOff(string sessionId)
    {
        var chair = new SessionScenario(start: Morning);
        chair.Start(SessionScenario.Plan(sessionId: sessionId, encounter: "V-778812"));
        chair.RunAbortedThenCapOffAfterStart();
        return chair.Record;
    }

    private static SessionScenario Chair(string sessionId, bool firstOfCourse, string encounter = "V-778812")
    {
        var chair = new SessionScenario(start: Morning, strict: true);
        chair.Start(SessionScenario.Plan(
            firstOfCourse: firstOfCourse, sessionId: sessionId, courseId: "course-" + sessionId,
            administration: "MedicationAdministration/ma-" + sessionId, encounter: encounter));
        chair.Hello();
        chair.RunMinutes(2);
        if (firstOfCourse)
        {
            chair.Event(ControllerEventKind.Calibrated, "M");
        }

        chair.Event(ControllerEventKind.CapOn);
        chair.Event(ControllerEventKind.Setpoint, "-4.0");
        chair.Event(ControllerEventKind.CoolingStart);
        chair.RunMinutes(30);
        chair.Nurse(t => new StartInfusion(t, SessionScenario.NurseId));
        chair.RunMinutes(20);
        chair.Event(ControllerEventKind.Pause);
        chair.State = ControllerState.Paused;
        chair.RunMinutes(8);
        chair.Event(ControllerEventKind.Resume);
        chair.State = ControllerState.Cooling;
        chair.RunMinutes(32);
        chair.Nurse(t => new EndInfusion(t, SessionScenario.NurseId));
        chair.RunMinutes(90);
        chair.Event(ControllerEventKind.CoolingStop);
        chair.State = ControllerState.Standby;
        chair.Run(TimeSpan.FromMinutes(5));
        chair.Event(ControllerEventKind.CapOff);
        chair.Nurse(t => new RemoveCap(t, SessionScenario.EndingNurse));
        chair.Nurse(t => new RecordTolerance(t, SessionScenario.EndingNurse, 2));
        return chair;
    }
}
