using System.Globalization;
using InfusionSuite.Domain.Billing;

namespace InfusionSuite.Application.Billing;

/// <summary>The billing rule that decided a code, as a stable rule name and a sentence for the billing office (the session page and the EHR ChargeItem note).</summary>
public static class BillingRuleText
{
    public static string For(CodeDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return Rule(decision) + Posting(decision);
    }

    /// <summary>How the site posts the charge, when it says: department, charge-master line, modifiers; empty when it says nothing.</summary>
    public static string Posting(CodeDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var parts = new List<string>(3);
        if (decision.Department is { } department)
        {
            parts.Add("department " + department);
        }

        if (decision.ChargeMaster is { } line)
        {
            parts.Add("charge master " + line.Number + (line.RevenueCode is { } revenue ? ", revenue code " + revenue : string.Empty));
        }

        if (decision.Modifiers.Count > 0)
        {
            parts.Add("modifier " + string.Join(", ", decision.Modifiers) + " (session stopped early)");
        }

        return parts.Count == 0 ? string.Empty : " Posted with " + string.Join("; ", parts) + ".";
    }

    private static string Rule(CodeDecision decision)
    {
        var date = Date(decision.DateOfService);
        var placed = decision.CapPlacedOn is { } on ? $" Cap placed on {Date(on)}, another local date than the infusion start." : string.Empty;
        var minutes = decision.SupportingMinutes is { } m
            ? string.Create(CultureInfo.InvariantCulture, $" {m} min of post-infusion cooling measured ({decision.InterruptionMinutes ?? 0} min of it interrupted), {decision.Units} unit(s).")
            : string.Empty;
        if (decision.IsHeld)
        {
            return "held: " + string.Join(" ", decision.Held.Select(h => Name(h) + " (" + Sentence(h) + ").")) + $" Date of service {date}." + minutes + placed;
        }

        if (decision.Billable)
        {
            return decision.Scope switch
            {
                BillingCodeScope.Course => $"billable: {decision.Code} once per course (first fitting of the course), date of service {date}.",
                BillingCodeScope.Time => $"billable: {decision.Code} add-on to the session's scalp-cooling code, date of service {date}.{minutes}{placed}",
                _ => $"billable: {decision.Code} with the primary chemotherapy administration code {decision.PrimaryCode}, first session on date of service {date} (per-date limit).{placed}",
            };
        }

        return "not-billable: " + string.Join(" ", decision.Reasons.Select(Rule)) + $" Date of service {date}." + minutes + placed;
    }

    /// <summary>The rule's name, e.g. <c>SECOND_SESSION_SAME_DATE</c>.</summary>
    public static string Name(NotBillableReason reason) => reason switch
    {
        NotBillableReason.SessionVoided => "SESSION_VOIDED",
        NotBillableReason.SessionNotFinished => "SESSION_NOT_FINISHED",
        NotBillableReason.NoCapPlaced => "NO_CAP_PLACED",
        NotBillableReason.NoPrimaryCode => "NO_PRIMARY_CODE",
        NotBillableReason.PrimaryCodeNotAllowed => "PRIMARY_CODE_NOT_ALLOWED",
        NotBillableReason.SecondSessionSameDate => "SECOND_SESSION_SAME_DATE",
        NotBillableReason.NoCalibration => "NO_CALIBRATION",
        NotBillableReason.CalibrationAlreadyReportedInCourse => "CALIBRATION_ALREADY_REPORTED_IN_COURSE",
        NotBillableReason.CalibrationAlreadyReportedForPatient => "CALIBRATION_ALREADY_REPORTED_FOR_PATIENT",
        NotBillableReason.NoInfusion => "NO_INFUSION",
        NotBillableReason.BaseCodeNotBillable => "BASE_CODE_NOT_BILLABLE",
        NotBillableReason.BelowOneTimeUnit => "BELOW_ONE_TIME_UNIT",
        _ => "UNKNOWN_RULE",
    };

    /// <summary>The name of what holds a charge, e.g. <c>NO_VISIT</c>.</summary>
    public static string Name(HeldReason reason) => reason switch
    {
        HeldReason.NoVisit => "NO_VISIT",
        _ => "UNKNOWN_HOLD",
    };

    /// <summary>The sentence of what holds a charge.</summary>
    public static string Sentence(HeldReason reason) => reason switch
    {
        HeldReason.NoVisit => "no visit (encounter or account) is given for the session: the charge waits for one and is not sent as billable",
        _ => "unknown hold",
    };

    /// <summary>The sentence of a rule, e.g. "the primary code is not a chemotherapy administration code".</summary>
    public static string Sentence(NotBillableReason reason) => reason switch
    {
        NotBillableReason.SessionVoided => "the session was entered in error",
        NotBillableReason.SessionNotFinished => "the session had not ended",
        NotBillableReason.NoCapPlaced => "no cap placement is recorded",
        NotBillableReason.NoPrimaryCode => "the chemotherapy administration has no primary CPT code; the scalp-cooling code is an add-on",
        NotBillableReason.PrimaryCodeNotAllowed => "the primary code is not a chemotherapy administration code",
        NotBillableReason.SecondSessionSameDate => "another session of the patient, which placed its cap first, takes the unit of this date of service",
        NotBillableReason.NoCalibration => "no measurement and calibration of a cap is documented",
        NotBillableReason.CalibrationAlreadyReportedInCourse => "the fitting is reported once per course and another session took it",
        NotBillableReason.CalibrationAlreadyReportedForPatient => "the fitting is reported once per patient at this site and an earlier course took it",
        NotBillableReason.NoInfusion => "no infusion was started: the session is documented, the add-on has no infusion to go with",
        NotBillableReason.BaseCodeNotBillable => "the session's scalp-cooling code it adds on to is not billable",
        NotBillableReason.BelowOneTimeUnit => "the post-infusion cooling does not reach one time unit",
        _ => "unknown rule",
    };

    private static string Rule(NotBillableReason reason) => Name(reason) + " (" + Sentence(reason) + ").";

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
