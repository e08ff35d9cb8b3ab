using System.Globalization;
using InfusionSuite.Domain.Courses;
using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Domain.Billing;

/// <summary>
/// The billing rules of docs/clinical-rules.md over one patient's courses, with the code set in
/// force on each charge's date of service: the per-session code (0663T, 97008; its per-date limit
/// taken by the first session that placed a cap that day, running or ended), the time code (97009,
/// units from the measured post-infusion cooling), the fitting once per course or patient (0662T,
/// 97007), and the review warning. Marks what would be denied and why; never changes or blocks the
/// clinical record.
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

        var perSession = SessionDecisions(coursesOfOnePatient, policy);
        var calibratedForPatient = false;
        var result = new List<CourseBillingEvaluation>(coursesOfOnePatient.Count);
        var fittedOn = new List<(string CourseId, DateOnly Date)>();
        foreach (var course in coursesOfOnePatient.OrderBy(FirstInstant))
        {
            var calibration = CalibrationDecisions(course, policy, calibratedForPatient);
            calibratedForPatient |= calibration.Count > 0 && calibration[0].Reasons.Count == 0;
            fittedOn.AddRange(calibration.Where(d => d.Reasons.Count == 0).Select(d => (course.CourseId, d.DateOfService)));
            var decisions = course.Sessions.Select(s => perSession[s.Plan.SessionId]).ToList();
            var sessions = course.Sessions.ToDictionary(s => s.Plan.SessionId, StringComparer.Ordinal);
            result.Add(new CourseBillingEvaluation(
                course.CourseId,
                [.. decisions.Select(d => d.Session).OfType<CodeDecision>().Select(d => Hold(d, sessions[d.SessionId], policy))],
                [.. calibration.Select(d => Hold(d, sessions[d.SessionId], policy))],
                Warnings(course, policy))
            {
                Time = [.. decisions.Select(d => d.Time).OfType<CodeDecision>().Select(d => Hold(d, sessions[d.SessionId], policy))],
            });
        }

        return [.. result.Select(r => SameDateFittings(r, fittedOn))];
    }

    /// <summary>Warns on each course fitted on a date another course of the patient was fitted too (never a block).</summary>
    private static CourseBillingEvaluation SameDateFittings(CourseBillingEvaluation evaluation, List<(string CourseId, DateOnly Date)> fittedOn)
    {
        var warnings = fittedOn.Where(f => f.CourseId == evaluation.CourseId)
            .SelectMany(mine => fittedOn.Where(other => other.CourseId != mine.CourseId && other.Date == mine.Date)
                .Select(other => new BillingWarning(
                    BillingWarningCode.SecondFittingSameDate,
                    string.Create(CultureInfo.InvariantCulture, $"Course {other.CourseId} of this patient was also fitted on {mine.Date:yyyy-MM-dd}: two fittings are billed. If it is one course, move the sessions into one."))))
            .ToList();
        return warnings.Count == 0 ? evaluation : evaluation with { Warnings = [.. evaluation.Warnings, .. warnings] };
    }

    /// <summary>The instant a session is ordered by on its date: placement, else its start.</summary>
    public static DateTimeOffset ServiceInstant(ScalpCoolingSessionRecord session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Boundaries.CapPlacedAt ?? session.StartedAt;
    }

    /// <summary>The instant a session's per-session and time codes are dated by: the infusion start (the primary code's date), else placement, else start.</summary>
    public static DateTimeOffset PrimaryInstant(ScalpCoolingSessionRecord session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Boundaries.InfusionStartedAt ?? ServiceInstant(session);
    }

    /// <summary>The measured post-infusion cooling (infusion end → last cooling stop) and the interruptions inside it.</summary>
    public static (TimeSpan Measured, TimeSpan Interrupted) PostInfusionCooling(ScalpCoolingSessionRecord session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Phase(SessionPhase.PostCooling) is { Duration: { } duration } post
            ? (duration, post.Interruptions.Total)
            : (TimeSpan.Zero, TimeSpan.Zero);
    }

    /// <summary>
    /// The date of service a code of <paramref name="scope"/> takes for a session: the fitting the
    /// calibration's local date; the per-session and time codes the local date of the infusion start.
    /// </summary>
    public static DateOnly DateOfService(ScalpCoolingSessionRecord session, BillingCodeScope scope, BillingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(policy);
        return policy.DateOfService(scope == BillingCodeScope.Course ? session.Calibration?.At ?? ServiceInstant(session) : PrimaryInstant(session));
    }

    /// <summary>The row of <paramref name="scope"/> in force on the session's date of service for it, in its payer's set (else the site's); null when the set has none.</summary>
    public static BillingCodeRow? CodeInForce(ScalpCoolingSessionRecord session, BillingCodeScope scope, BillingPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(policy);
        return policy.CodesFor(session.Plan.Billing?.Payer).InForce(scope, DateOfService(session, scope, policy));
    }

    private static Dictionary<string, (CodeDecision? Session, CodeDecision? Time)> SessionDecisions(IReadOnlyList<ScalpCoolingCourse> courses, BillingPolicy policy)
    {
        var decisions = new Dictionary<string, (CodeDecision?, CodeDecision?)>(StringComparer.Ordinal);
        var unitsTaken = new Dictionary<(string Code, DateOnly Date), int>();
        var sessions = courses.SelectMany(c => c.Sessions)
            .OrderBy(ServiceInstant).ThenBy(s => s.Plan.SessionId, StringComparer.Ordinal);
        foreach (var session in sessions)
        {
            var date = DateOfService(session, BillingCodeScope.Session, policy);
            CodeDecision? perSession = null;
            if (CodeInForce(session, BillingCodeScope.Session, policy) is { } row)
            {
                var reasons = SessionReasons(session);
                reasons.AddRange(PairingReasons(session, row, policy, null));
                if (row.PerDateLimit is { } limit && reasons.TrueForAll(r => r == NotBillableReason.SessionNotFinished))
                {
                    // The first session that placed a cap on the date takes the unit, whether or not it has ended.
                    var taken = unitsTaken.GetValueOrDefault((row.Code, date));
                    if (taken >= limit)
                    {
                        reasons.Add(NotBillableReason.SecondSessionSameDate);
                    }
                    else
                    {
                        unitsTaken[(row.Code, date)] = taken + 1;
                    }
                }

                perSession = Decision(row, session, date, reasons, policy);
            }

            CodeDecision? time = null;
            if (CodeInForce(session, BillingCodeScope.Time, policy) is { } timeRow)
            {
                time = TimeDecision(timeRow, session, date, perSession, policy);
            }

            decisions[session.Plan.SessionId] = (perSession, time);
        }

        return decisions;
    }

    private static CodeDecision TimeDecision(BillingCodeRow row, ScalpCoolingSessionRecord session, DateOnly date, CodeDecision? perSession, BillingPolicy policy)
    {
        var (measured, interrupted) = PostInfusionCooling(session);
        var minutes = TimeUnits.WholeMinutes(measured);
        var units = TimeUnits.Count(minutes, row.UnitMinutes ?? 30, policy.TimeUnitRule);
        var reasons = SessionReasons(session);
        if (reasons.Count == 0)
        {
            reasons.AddRange(PairingReasons(session, row, policy, perSession));
        }

        var ended = session.Status is SessionStatus.Completed or SessionStatus.Aborted;
        if (units == 0 && ended && !reasons.Exists(r => r is NotBillableReason.NoCapPlaced or NotBillableReason.NoInfusion))
        {
            reasons.Add(NotBillableReason.BelowOneTimeUnit);
        }

        return Decision(row, session, date, reasons, policy) with
        {
            Units = units,
            SupportingMinutes = minutes,
            InterruptionMinutes = TimeUnits.WholeMinutes(interrupted),
        };
    }

    /// <summary>What every per-session and time code needs: an ended, unvoided session that placed a cap and started an infusion.</summary>
    private static List<NotBillableReason> SessionReasons(ScalpCoolingSessionRecord session)
    {
        var reasons = new List<NotBillableReason>();
        var ended = session.Status is SessionStatus.Completed or SessionStatus.Aborted;
        if (session.Status == SessionStatus.Voided)
        {
            reasons.Add(NotBillableReason.SessionVoided);
        }
        else if (!ended)
        {
            reasons.Add(NotBillableReason.SessionNotFinished);
        }

        if (session.Boundaries.CapPlacedAt is null)
        {
            reasons.Add(NotBillableReason.NoCapPlaced);
        }
        else if (ended && session.Boundaries.InfusionStartedAt is null)
        {
            reasons.Add(NotBillableReason.NoInfusion);
        }

        return reasons;
    }

    private static IEnumerable<NotBillableReason> PairingReasons(ScalpCoolingSessionRecord session, BillingCodeRow row, BillingPolicy policy, CodeDecision? perSession)
    {
        switch (row.Pairing)
        {
            case BillingPairing.ChemotherapyPrimary:
                var code = session.Plan.Administration.PrimaryCptCode;
                if (string.IsNullOrWhiteSpace(code))
                {
                    yield return NotBillableReason.NoPrimaryCode;
                }
                else if (!policy.AllowedPrimaryCodes.Contains(code.Trim()))
                {
                    yield return NotBillableReason.PrimaryCodeNotAllowed;
                }

                break;
            case BillingPairing.SessionCode when perSession is not { Reasons.Count: 0 }:
                yield return NotBillableReason.BaseCodeNotBillable;
                break;
            default:
                break;
        }
    }

    /// <summary>
    /// A charge the rules allow, for a session without a visit, is held when the site holds such charges
    /// (it still takes its date's unit); every charge gets the site's department and charge-master line,
    /// and the per-session code of a session stopped early the site's early-stop modifier.
    /// </summary>
    private static CodeDecision Hold(CodeDecision decision, ScalpCoolingSessionRecord session, BillingPolicy policy)
    {
        var held = policy.HoldWithoutVisit && decision.Reasons.Count == 0 && string.IsNullOrWhiteSpace(session.Plan.EncounterReference);
        var stoppedEarly = decision.Scope == BillingCodeScope.Session && session.Status == SessionStatus.Aborted && policy.EarlyStopModifier is { Length: > 0 };
        return decision with
        {
            Held = held ? [HeldReason.NoVisit] : decision.Held,
            Modifiers = stoppedEarly ? [policy.EarlyStopModifier!] : decision.Modifiers,
            ChargeMaster = policy.ChargeMaster.GetValueOrDefault(decision.Code),
            Department = policy.Department,
        };
    }

    private static CodeDecision Decision(BillingCodeRow row, ScalpCoolingSessionRecord session, DateOnly date, List<NotBillableReason> reasons, BillingPolicy policy)
    {
        var placedOn = session.Boundaries.CapPlacedAt is { } placed ? policy.DateOfService(placed) : (DateOnly?)null;
        return new CodeDecision(row.Code, session.Plan.SessionId, date, reasons)
        {
            Display = row.Display,
            Scope = row.Scope,
            CapPlacedOn = placedOn is { } on && on != date ? on : null,
            PrimaryCode = row.Pairing == BillingPairing.ChemotherapyPrimary ? session.Plan.Administration.PrimaryCptCode?.Trim() : null,
        };
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
            return first is not null && Calibration(first, policy, [NotBillableReason.NoCalibration]) is { } none ? [none] : [];
        }

        var decisions = new List<CodeDecision>(candidates.Count);
        foreach (var session in candidates)
        {
            List<NotBillableReason> reasons = decisions.Count > 0 ? [NotBillableReason.CalibrationAlreadyReportedInCourse]
                : calibratedForPatient && policy.CalibrationScope == CalibrationScope.Patient ? [NotBillableReason.CalibrationAlreadyReportedForPatient]
                : [];
            if (Calibration(session, policy, reasons) is { } decision)
            {
                decisions.Add(decision);
            }
        }

        return decisions;
    }

    /// <summary>The fitting code in force on the calibration's date; null when the set has none.</summary>
    private static CodeDecision? Calibration(ScalpCoolingSessionRecord session, BillingPolicy policy, List<NotBillableReason> reasons)
    {
        return CodeInForce(session, BillingCodeScope.Course, policy) is { } row
            ? new CodeDecision(row.Code, session.Plan.SessionId, DateOfService(session, BillingCodeScope.Course, policy), reasons) { Display = row.Display, Scope = row.Scope }
            : null;
    }

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
