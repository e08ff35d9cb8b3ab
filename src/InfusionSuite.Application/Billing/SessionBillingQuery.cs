using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Billing;
using InfusionSuite.Domain.Courses;
using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Application.Billing;

/// <summary>
/// Billing for a session, computed one way for everyone who shows or sends it (the session page, the
/// EHR's ChargeItems): <see cref="ScalpCoolingBilling.Evaluate"/> over every stored course of the
/// patient (MUE 1 per date of service and 0662T once per course need the other sessions), each other
/// session replayed from its stored log and this session taken as given.
/// </summary>
public sealed class SessionBillingQuery(BillingPolicy policy)
{
    /// <param name="session">The session as the caller knows it now (it replaces its stored version).</param>
    /// <param name="stored">Where the patient's courses are read: storage, or the transaction that stores the end.</param>
    public async Task<SessionBilling> ForSessionAsync(ScalpCoolingSessionRecord session, IPatientCourses stored, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(stored);
        var plan = session.Plan;
        var courses = new List<ScalpCoolingCourse>();
        var seen = false;
        foreach (var course in await stored.OfPatientAsync(plan.PatientReference, cancellationToken))
        {
            var records = new List<ScalpCoolingSessionRecord>(course.Sessions.Count + 1);
            foreach (var other in course.Sessions)
            {
                var own = string.Equals(other.SessionId, plan.SessionId, StringComparison.Ordinal);
                seen |= own;
                records.Add(own ? session : ScalpCoolingSession.Replay(other.Policy, other.Log));
            }

            if (!seen && string.Equals(course.CourseId, plan.CourseId, StringComparison.Ordinal))
            {
                records.Add(session);
                seen = true;
            }

            courses.Add(ScalpCoolingCourse.Create(course.CourseId, plan.PatientReference, course.Regimen, course.CapMeasuredAndCalibrated, records));
        }

        if (!seen)
        {
            courses.Add(ScalpCoolingCourse.Create(plan.CourseId, plan.PatientReference, string.Empty, false, [session]));
        }

        var evaluation = ScalpCoolingBilling.Evaluate(courses, policy).Single(c => string.Equals(c.CourseId, plan.CourseId, StringComparison.Ordinal));
        var id = plan.SessionId;
        return new SessionBilling(
            policy.DateOfService(ScalpCoolingBilling.ServiceInstant(session)),
            [.. evaluation.Placement.Concat(evaluation.Calibration).Where(d => string.Equals(d.SessionId, id, StringComparison.Ordinal))],
            evaluation.Warnings);
    }
}
