using InfusionSuite.Domain.Billing;
using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Courses;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Domain.Sessions.Inputs;
using InfusionSuite.Fhir.Mapping;

namespace InfusionSuite.Fhir.Tests;

/// <summary>The sessions the FHIR tests send, each folded from inputs by the real domain.</summary>
internal static class SimulatedSessions
{
    public static readonly DateTimeOffset Morning = new(2026, 11, 27, 14, 0, 0, TimeSpan.Zero);

    public static SessionPlan Plan(string sessionId, bool firstOfCourse = false, string? primaryCode = SessionScenario.PrimaryCode, string patient = "patient-1") =>
        SessionScenario.Plan(
            primaryCode: primaryCode, firstOfCourse: firstOfCourse, sessionId: sessionId, courseId: "course-" + sessionId,
            patient: patient, administration: "MedicationAdministration/ma-" + sessionId);

    /// <summary>30 min pre-cooling, 60 min infusion, 90 min post-cooling, 5 min warm-up; tolerance 2.</summary>
    public static ScalpCoolingSessionRecord Normal(string sessionId, DateTimeOffset? start = null, bool firstOfCourse = false, string? primaryCode = "96413") =>
        NormalChair(sessionId, start, firstOfCourse, primaryCode).Record;

    private static SessionScenario NormalChair(string sessionId, DateTimeOffset? start, bool firstOfCourse, string? primaryCode) =>
        Completed(Infusing(sessionId, 30, chair => chair.RunMinutes(60), firstOfCourse, primaryCode, start));

    /// <summary>First session of a course: the cap measured and calibrated (CALIBRATED), so 0662T too.</summary>
    public static ScalpCoolingSessionRecord FirstOfCourse(string sessionId, DateTimeOffset? start = null) =>
        Normal(sessionId, start, firstOfCourse: true);

    /// <summary>Infusion started after 18 min of pre-cooling (target 30).</summary>
    public static ScalpCoolingSessionRecord ShortPrecool(string sessionId) =>
        Completed(Infusing(sessionId, 18, chair => chair.RunMinutes(60))).Record;

    /// <summary>Cooling paused for 8 min during the infusion: INTERRUPTED.</summary>
    public static ScalpCoolingSessionRecord Interrupted(string sessionId) =>
        Completed(Infusing(sessionId, 30, chair =>
        {
            chair.RunMinutes(20);
            chair.Event(ControllerEventKind.Pause);
            chair.State = ControllerState.Paused;
            chair.RunMinutes(8);
            chair.Event(ControllerEventKind.Resume);
            chair.State = ControllerState.Cooling;
            chair.RunMinutes(32);
        })).Record;

    /// <summary>Stopped early for a headache 25 min into the infusion.</summary>
    public static ScalpCoolingSessionRecord Aborted(string sessionId)
    {
        var chair = Infusing(sessionId, 30, c => c.RunMinutes(25));
        chair.Nurse(t => new RecordAdverseEvent(t, SessionScenario.NurseId, AdverseEventKind.Headache));
        chair.Nurse(t => new AbortSession(t, SessionScenario.EndingNurse, AbortReason.Headache));
        return chair.Record;
    }

    /// <summary>A normal session voided afterwards (wrong patient).</summary>
    public static ScalpCoolingSessionRecord Voided(string sessionId, bool firstOfCourse = false) =>
        CompletedThenVoided(sessionId, firstOfCourse).Voided;

    /// <summary>The record of a normal session as it ended, and as it is after a nurse voided it ten minutes later.</summary>
    public static (ScalpCoolingSessionRecord Completed, ScalpCoolingSessionRecord Voided) CompletedThenVoided(string sessionId, bool firstOfCourse = false)
    {
        var chair = NormalChair(sessionId, null, firstOfCourse, "96413");
        var completed = chair.Record;
        chair.Clock.Advance(TimeSpan.FromMinutes(10));
        chair.Nurse(t => new VoidSession(t, SessionScenario.EndingNurse, VoidReason.WrongPatient));
        return (completed, chair.Record);
    }

    /// <summary>A session post-cooled 60 of 90 min (short post-cooling) as it ended, and after it was voided (wrong patient) ten minutes later.</summary>
    public static (ScalpCoolingSessionRecord Completed, ScalpCoolingSessionRecord Voided) ShortPostcoolThenVoided(string sessionId)
    {
        var chair = Completed(Infusing(sessionId, 30, c => c.RunMinutes(60)), postMinutes: 60);
        var completed = chair.Record;
        chair.Clock.Advance(TimeSpan.FromMinutes(10));
        chair.Nurse(t => new VoidSession(t, SessionScenario.EndingNurse, VoidReason.WrongPatient));
        return (completed, chair.Record);
    }

    /// <summary>The record of a normal session as it ended, and after a nurse recorded a headache twenty minutes later.</summary>
    public static (ScalpCoolingSessionRecord Completed, ScalpCoolingSessionRecord Documented) CompletedThenDocumented(string sessionId)
    {
        var chair = NormalChair(sessionId, null, false, "96413");
        var completed = chair.Record;
        chair.Clock.Advance(TimeSpan.FromMinutes(20));
        chair.Nurse(t => new RecordAdverseEvent(t, SessionScenario.EndingNurse, AdverseEventKind.Headache));
        return (completed, chair.Record);
    }

    /// <summary>A normal session as it ended, after a headache was documented twenty minutes later, and after it was voided (wrong patient) ten minutes after that.</summary>
    public static (ScalpCoolingSessionRecord Completed, ScalpCoolingSessionRecord Documented, ScalpCoolingSessionRecord Voided) CompletedDocumentedThenVoided(string sessionId)
    {
        var chair = NormalChair(sessionId, null, false, "96413");
        var completed = chair.Record;
        chair.Clock.Advance(TimeSpan.FromMinutes(20));
        chair.Nurse(t => new RecordAdverseEvent(t, SessionScenario.EndingNurse, AdverseEventKind.Headache));
        var documented = chair.Record;
        chair.Clock.Advance(TimeSpan.FromMinutes(10));
        chair.Nurse(t => new VoidSession(t, SessionScenario.EndingNurse, VoidReason.WrongPatient));
        return (completed, documented, chair.Record);
    }

    /// <summary>A normal session with an "Other" adverse event documented after it, in the nurse's words.</summary>
    public static ScalpCoolingSessionRecord WithOtherAdverseEvent(string sessionId, string details)
    {
        var chair = NormalChair(sessionId, null, false, "96413");
        chair.Nurse(t => new RecordAdverseEvent(t, SessionScenario.EndingNurse, AdverseEventKind.Other, Details: details));
        chair.Nurse(t => new RecordAdverseEvent(t, SessionScenario.EndingNurse, AdverseEventKind.ScalpPain));
        return chair.Record;
    }

    /// <summary>The billing decisions for a session alone in its course.</summary>
    public static IReadOnlyList<CodeDecision> Charges(ScalpCoolingSessionRecord record, BillingPolicy? policy = null)
    {
        var course = ScalpCoolingCourse.Create(record.Plan.CourseId, record.Plan.PatientReference, "paclitaxel weekly", record.Plan.FirstOfCourse, [record]);
        var evaluation = ScalpCoolingBilling.Evaluate([course], policy ?? BillingPolicy.Default)[0];
        return [.. evaluation.All];
    }

    public static SessionFhirContext Context(ScalpCoolingSessionRecord record, string patientId = "pat-1001", string? encounterId = "enc-2001") => new()
    {
        Patient = EhrReference.ById("Patient", patientId),
        Encounter = encounterId is null ? null : EhrReference.ById("Encounter", encounterId),
        Practitioners = new Dictionary<string, EhrReference>(StringComparer.Ordinal)
        {
            [SessionScenario.NurseId] = EhrReference.ById("Practitioner", "prac-41"),
            [SessionScenario.EndingNurse] = EhrReference.ByIdentifier("Practitioner", "http://hl7.org/fhir/sid/us-npi", "1234567893"),
        },
        Charges = Charges(record),
    };

    /// <summary>Started, fitted and pre-cooled for <paramref name="preMinutes"/>, then the infusion runs as scripted.</summary>
    private static SessionScenario Infusing(
        string sessionId, double preMinutes, Action<SessionScenario> infusion, bool firstOfCourse = false, string? primaryCode = "96413", DateTimeOffset? start = null)
    {
        var chair = new SessionScenario(start: start ?? Morning, strict: true);
        chair.Start(Plan(sessionId, firstOfCourse, primaryCode));
        chair.Hello();
        Fit(chair, calibrate: firstOfCourse);
        chair.RunMinutes(preMinutes);
        chair.Nurse(t => new StartInfusion(t, SessionScenario.NurseId));
        infusion(chair);
        return chair;
    }

    /// <summary>Infusion ended, 90 min post-cooling (or <paramref name="postMinutes"/>), 5 min warm-up, cap off; tolerance 2.</summary>
    private static SessionScenario Completed(SessionScenario chair, double postMinutes = 90)
    {
        chair.Nurse(t => new EndInfusion(t, SessionScenario.NurseId));
        chair.RunMinutes(postMinutes);
        Finish(chair);
        return chair;
    }

    private static void Fit(SessionScenario chair, bool calibrate)
    {
        chair.RunMinutes(2);
        if (calibrate)
        {
            chair.Event(ControllerEventKind.Calibrated, "M");
        }

        chair.Event(ControllerEventKind.CapOn);
        chair.Event(ControllerEventKind.Setpoint, "-4.0");
        chair.Event(ControllerEventKind.CoolingStart);
    }

    private static void Finish(SessionScenario chair)
    {
        chair.Event(ControllerEventKind.CoolingStop);
        chair.State = ControllerState.Standby;
        chair.Run(TimeSpan.FromMinutes(5));
        chair.Event(ControllerEventKind.CapOff);
        chair.Nurse(t => new RemoveCap(t, SessionScenario.EndingNurse));
        chair.Nurse(t => new RecordTolerance(t, SessionScenario.EndingNurse, 2));
    }
}
