using InfusionSuite.Domain.Courses;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Domain.Sessions.Inputs;

namespace InfusionSuite.Domain.Tests;

/// <summary>Courses built from <see cref="SessionScenario"/> sessions, for the course and report tests.</summary>
internal static class CourseSessions
{
    public static readonly DateTimeOffset Day0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset Day(int day) => Day0.AddDays(day);

    /// <summary>A completed session that starts on <paramref name="day"/> (2 min fitting, then the given minutes).</summary>
    public static ScalpCoolingSessionRecord Completed(
        string courseId, string sessionId, int day, RegimenTargets? targets = null, string patient = "patient-1",
        double pre = 30, double infusion = 60, double post = 90, double warmUp = 5)
    {
        var chair = new SessionScenario(start: Day(day), strict: true);
        chair.Start(SessionScenario.Plan(targets, sessionId: sessionId, courseId: courseId, patient: patient));
        chair.RunCompleteSessionAfterStart(pre, infusion, post, warmUp);
        return chair.Record;
    }

    /// <summary>A session started and voided (entered in error).</summary>
    public static ScalpCoolingSessionRecord Voided(string courseId, string sessionId, int day, string patient = "patient-1")
    {
        var chair = new SessionScenario(start: Day(day), strict: true);
        chair.Start(SessionScenario.Plan(sessionId: sessionId, courseId: courseId, patient: patient));
        chair.Nurse(now => new VoidSession(now, SessionScenario.NurseId, VoidReason.EnteredInError));
        return chair.Record;
    }

    /// <summary>A session started and aborted before any cap was placed (the chemotherapy went on).</summary>
    public static ScalpCoolingSessionRecord AbortedBeforeCap(string courseId, string sessionId, int day, string patient = "patient-1")
    {
        var chair = new SessionScenario(start: Day(day), strict: true);
        chair.Start(SessionScenario.Plan(sessionId: sessionId, courseId: courseId, patient: patient));
        chair.Minutes(3);
        chair.Abort(AbortReason.PatientRequest);
        return chair.Record;
    }

    public static ScalpCoolingCourse Course(string regimen, params ScalpCoolingSessionRecord[] sessions) =>
        ScalpCoolingCourse.Create(sessions[0].Plan.CourseId, sessions[0].Plan.PatientReference, regimen, true, sessions);

    public static ChemoGivenNotCooled NotCooled(int day, NotCooledReason reason = NotCooledReason.PatientDeclined, string? text = null) =>
        new("nc-" + day, Day(day), reason, text, SessionScenario.NurseId, Day(day));

    public static OutcomeAssessment Dean(int day, int dean, bool stopped = false) =>
        new("oa-" + day + "-" + dean, Day(day), SessionScenario.NurseId, dean, null, stopped, stopped ? "hair loss" : null, Day(day));
}
