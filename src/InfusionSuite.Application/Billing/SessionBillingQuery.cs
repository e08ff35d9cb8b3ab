using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Billing;
using InfusionSuite.Domain.Courses;
using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Application.Billing;

/// <summary>
/// Billing, computed one way for everyone who shows or sends it (the session page, the EHR's
/// ChargeItems, the HL7 charges): <see cref="ScalpCoolingBilling.Evaluate"/> over every stored course
/// of the patient (per-date limits and once-per-course fittings need the other sessions), each other
/// session replayed from its stored log and the caller's session taken as given.
/// </summary>
public sealed class SessionBillingQuery(BillingPolicy policy)
{
    /// <summary>This session's decisions and its course's warnings.</summary>
    /// <param name="session">The session as the caller knows it now (it replaces its stored version).</param>
    /// <param name="stored">Where the patient's courses are read: storage, or the transaction that stores the end.</param>
    public async Task<SessionBilling> ForSessionAsync(ScalpCoolingSessionRecord session, IPatientCourses stored, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var patient = await ForPatientAsync(session, stored, cancellationToken);
        var plan = session.Plan;
        var courseId = patient.Session(plan.SessionId)?.Plan.CourseId ?? plan.CourseId;
        return new SessionBilling(
            policy.DateOfService(ScalpCoolingBilling.PrimaryInstant(session)),
            patient.Of(plan.SessionId),
            patient.Warnings.GetValueOrDefault(courseId) ?? []);
    }

    /// <summary>Every decision over the patient of <paramref name="session"/>, with that session taken as given.</summary>
    public async Task<PatientBilling> ForPatientAsync(ScalpCoolingSessionRecord session, IPatientCourses stored, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(stored);
        var plan = session.Plan;
        var courses = new List<ScalpCoolingCourse>();
        ScalpCoolingSessionRecord? decided = null;
        foreach (var course in await stored.OfPatientAsync(plan.PatientReference, cancellationToken))
        {
            var records = new List<ScalpCoolingSessionRecord>(course.Sessions.Count + 1);
            foreach (var other in course.Sessions)
            {
                if (string.Equals(other.SessionId, plan.SessionId, StringComparison.Ordinal))
                {
                    decided = InCourse(session, course.CourseId); // the stored course wins: staff may have moved the session
                    records.Add(decided);
                }
                else
                {
                    records.Add(InCourse(ScalpCoolingSession.Replay(other.Policy, other.Log), course.CourseId));
                }
            }

            courses.Add(ScalpCoolingCourse.Create(course.CourseId, plan.PatientReference, course.Regimen, course.CapMeasuredAndCalibrated, records));
        }

        if (decided is null)
        {
            var index = courses.FindIndex(c => string.Equals(c.CourseId, plan.CourseId, StringComparison.Ordinal));
            if (index < 0)
            {
                courses.Add(ScalpCoolingCourse.Create(plan.CourseId, plan.PatientReference, string.Empty, false, [session]));
            }
            else
            {
                var course = courses[index];
                courses[index] = ScalpCoolingCourse.Create(course.CourseId, course.PatientReference, course.Regimen, course.CapMeasuredAndCalibrated, [.. course.Sessions, session]);
            }
        }

        var evaluations = ScalpCoolingBilling.Evaluate(courses, policy);
        return new PatientBilling(
            [.. courses.SelectMany(c => c.Sessions)],
            [.. evaluations.SelectMany(e => e.All)],
            evaluations.ToDictionary(e => e.CourseId, e => e.Warnings, StringComparer.Ordinal));
    }

    /// <summary>A session in the course it is stored in now (a session moved between courses keeps its log).</summary>
    private static ScalpCoolingSessionRecord InCourse(ScalpCoolingSessionRecord record, string courseId) =>
        string.Equals(record.Plan.CourseId, courseId, StringComparison.Ordinal)
            ? record
            : record with { Plan = record.Plan with { CourseId = courseId } };
}
