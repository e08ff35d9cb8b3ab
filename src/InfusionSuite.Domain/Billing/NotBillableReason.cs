namespace InfusionSuite.Domain.Billing;

/// <summary>Why a code would be denied. A billing check never stops the clinical record.</summary>
public enum NotBillableReason : byte
{
    /// <summary>The session was voided (entered in error).</summary>
    SessionVoided,

    /// <summary>The session is still running; evaluate it when it has ended.</summary>
    SessionNotFinished,

    /// <summary>No cap placement is known: nothing was placed, monitored or removed.</summary>
    NoCapPlaced,

    /// <summary>The chemotherapy administration has no primary CPT code.</summary>
    NoPrimaryCode,

    /// <summary>The primary code is not a chemotherapy administration code the scalp-cooling code may be reported with.</summary>
    PrimaryCodeNotAllowed,

    /// <summary>Another session of the patient already takes the per-date unit on that date of service (MUE 1).</summary>
    SecondSessionSameDate,

    /// <summary>No calibration of a cap is documented (no CALIBRATED event, course not marked calibrated).</summary>
    NoCalibration,

    /// <summary>The fitting code was already taken in this course.</summary>
    CalibrationAlreadyReportedInCourse,

    /// <summary>The fitting code was already taken for this patient (scope: patient).</summary>
    CalibrationAlreadyReportedForPatient,

    /// <summary>The session ended before any infusion started: the add-on has no infusion to go with.</summary>
    NoInfusion,

    /// <summary>The time code's base (the session's per-session code) is not billable.</summary>
    BaseCodeNotBillable,

    /// <summary>The measured post-infusion cooling does not reach one time unit.</summary>
    BelowOneTimeUnit,
}
