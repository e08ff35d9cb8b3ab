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

    /// <summary>The primary code is not one 0663T may be reported with.</summary>
    PrimaryCodeNotAllowed,

    /// <summary>Another session of the patient already takes 0663T on that date of service (MUE 1).</summary>
    SecondSessionSameDate,

    /// <summary>No calibration of a cap is documented (no CALIBRATED event, course not marked calibrated).</summary>
    NoCalibration,

    /// <summary>0662T was already taken in this course.</summary>
    CalibrationAlreadyReportedInCourse,

    /// <summary>0662T was already taken for this patient (scope: patient).</summary>
    CalibrationAlreadyReportedForPatient,
}
