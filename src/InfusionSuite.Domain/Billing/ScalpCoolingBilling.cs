using System.Globalization;
using InfusionSuite.Domain.Courses;
using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Domain.Billing;

/// <summary>
/// The billing rules of docs/clinical-rules.md over one patient's courses: 0663T per session
/// (MUE 1 per local date of service), 0662T once per course or patient, and the review warning.
/// Marks what would be denied and why; never changes or blocks the clinical record.
/// </summary>
public static class ScalpCoolingBilling
{
    public static IReadOnlyList<CourseBillingEvaluation> Evaluate(IReadOnlyList<ScalpCoolingCourse> coursesOfOnePatient, BillingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(coursesOfOnePatient);
        ArgumentNullException.ThrowIfNull(policy);
        if (coursesOfOnePatient.Select(c => c.PatientReference).Distinct(StringComparer.Ordinal).Skip(1).Any())
        {
            throw new ArgumentException("The courses belong to more than one patient.", nameof(coursesOfOnePatient));
        }

        var placement = PlacementDecisions(coursesOfOnePatient, policy);
        var calibratedForPatient = false;
        var result = new List<CourseBillingEvaluation>(coursesOfOnePatient.Count);
        foreach (var course in coursesOfOnePatient.OrderBy(FirstInstant))
        {
            var calibration = CalibrationDecisions(course, policy, calibratedForPatient);
            calibratedForPatient |= calibration.Count > 0 && calibration[0].Billable;
            result.Add(new CourseBillingEvaluation(
                course.CourseId,
                [.. course.Sessions.Select(s => placement[s.Plan.SessionId])],
                calibration,
                Warnings(course, policy)));
        }

        return result;
    }

    /// <summary>The instant a session is dated by: placement, else its start.</summary>
    public static DateTimeOffset ServiceInstant(ScalpCoolingSessionRecord session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Boundaries.CapPlacedAt ?? session.StartedAt;
    }

    private static Dictionary<string, CodeDecision> PlacementDecisions(IReadOnlyList<ScalpCoolingCourse> courses, BillingPolicy policy)
    {
        var decisions = new Dictionary<string, CodeDecision>(StringComparer.Ordinal);
        var datesTaken = new HashSet<DateOnly>();
        var sessions = courses.SelectMany(c => c.Sessions)
            .OrderBy(ServiceInstant).ThenBy(s => s.Plan.SessionId, StringComparer.Ordinal);
        foreach (var session in sessions)
        {
            var date = policy.DateOfService(ServiceInstant(session));
            var reasons = PlacementReasons(session, policy);
            if (reasons.Count == 0 && !datesTaken.Add(date))
            {
                reasons.Add(NotBillableReason.SecondSessionSameDate);
            }

            decisions[session.Plan.SessionId] = new CodeDecision(ScalpCoolingCodes.Placement, session.Plan.SessionId, date, reasons);
        }

        return decisions;
    }

    private static List<NotBillableReason> PlacementReasons(ScalpCoolingSessionRecord session, BillingPolicy policy)
    {
        var reasons = new List<NotBillableReason>();
        if (session.Status == SessionStatus.Voided)
        {
            reasons.Add(NotBillableReason.SessionVoided);
        }
        else if (session.Status is not (SessionStatus.Completed or SessionStatus.Aborted))
        {
            reasons.Add(NotBillableReason.SessionNotFinished);
        }

        if (session.Boundaries.CapPlacedAt is null)
        {
            reasons.Add(NotBillableReason.NoCapPlaced);
        }

        var code = session.Plan.Administration.PrimaryCptCode;
        if (string.IsNullOrWhiteSpace(code))
        {
            reasons.Add(NotBillableReason.NoPrimaryCode);
        }
        else if (!policy.AllowedPrimaryCodes.Contains(code.Trim()))
        {
            reasons.Add(NotBillableReason.PrimaryCodeNotAllowed);
        }

        return reasons;
    }

    private static List<CodeDecision> CalibrationDecisions(ScalpCoolingCourse course, BillingPolicy policy, bool calibratedForPatient)
    {
        var counted = course.Sessions.Where(s => s.Status != SessionStatus.Voided).ToList();
        var candidates = counted
            .Where(s => s.Calibration is not null || (s.Plan.FirstOfCourse && course.CapMeasuredAndCalibrated))
            .OrderBy(s => s.Calibration?.At ?? ServiceInstant(s))
            .ToList();
        if (candidates.Count == 0)
        {
            var first = counted.Find(s => s.Plan.FirstOfCourse);
            return first is null ? [] : [Calibration(first, policy, [NotBillableReason.NoCalibration])];
        }

        var decisions = new List<CodeDecision>(candidates.Count);
        foreach (var session in candidates)
        {
            List<NotBillableReason> reasons = decisions.Count > 0 ? [NotBillableReason.CalibrationAlreadyReportedInCourse]
                : calibratedForPatient && policy.CalibrationScope == CalibrationScope.Patient ? [NotBillableReason.CalibrationAlreadyReportedForPatient]
                : [];
            decisions.Add(Calibration(session, policy, reasons));
        }

        return decisions;
    }

    private static CodeDecision Calibration(ScalpCoolingSessionRecord session, BillingPolicy policy, List<NotBillableReason> reasons) =>
        new(ScalpCoolingCodes.Calibration, session.Plan.SessionId, policy.DateOfService(session.Calibration?.At ?? ServiceInstant(session)), reasons);

    private static List<BillingWarning> Warnings(ScalpCoolingCourse course, BillingPolicy policy)
    {
        var given = course.SessionsGiven;
        if (given <= policy.MedicalReviewSessionThreshold)
        {
            return [];
        }

        var detail = string.Create(CultureInfo.InvariantCulture, $"{given} sessions in this course; more than {policy.MedicalReviewSessionThreshold} may trigger medical review.");
        return [new BillingWarning(BillingWarningCode.MedicalReviewLikely, detail)];
    }

    private static DateTimeOffset FirstInstant(ScalpCoolingCourse course) =>
        course.Sessions.Count == 0 ? DateTimeOffset.MaxValue : course.Sessions.Min(ServiceInstant);
}
