using InfusionSuite.Domain.Billing;

namespace InfusionSuite.Application.Billing;

/// <summary>The billing rule that decided a code, as a stable rule name and a sentence for the billing office (the session page and the EHR ChargeItem note).</summary>
public static class BillingRuleText
{
    public static string For(CodeDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var date = decision.DateOfService.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (decision.Billable)
        {
            return decision.Code == ScalpCoolingCodes.Calibration
                ? $"billable: 0662T once per course (first calibration of the course), date of service {date}."
                : $"billable: 0663T add-on with an allowed primary chemotherapy administration code, first session on date of service {date} (MUE 1).";
        }

        return "not-billable: " + string.Join(" ", decision.Reasons.Select(Rule)) + $" Date of service {date}.";
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
        _ => "UNKNOWN_RULE",
    };

    private static string Rule(NotBillableReason reason) => Name(reason) + " (" + reason switch
    {
        NotBillableReason.SessionVoided => "the session was entered in error",
        NotBillableReason.SessionNotFinished => "the session had not ended",
        NotBillableReason.NoCapPlaced => "no cap placement is recorded",
        NotBillableReason.NoPrimaryCode => "the chemotherapy administration has no primary CPT code; 0663T is an add-on code",
        NotBillableReason.PrimaryCodeNotAllowed => "the primary administration code is not one 0663T may be reported with",
        NotBillableReason.SecondSessionSameDate => "another session of the patient takes 0663T on this date of service; MUE 1",
        NotBillableReason.NoCalibration => "no measurement and calibration of a cap is documented",
        NotBillableReason.CalibrationAlreadyReportedInCourse => "0662T is reported once per course and another session took it",
        NotBillableReason.CalibrationAlreadyReportedForPatient => "0662T is reported once per patient at this site and an earlier course took it",
        _ => "unknown rule",
    } + ").";
}
