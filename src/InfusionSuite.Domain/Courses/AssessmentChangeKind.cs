namespace InfusionSuite.Domain.Courses;

/// <summary>What staff did to an outcome assessment after it was recorded.</summary>
public enum AssessmentChangeKind : byte
{
    /// <summary>Its findings (or when it was made) were wrong: the correction replaces them.</summary>
    Corrected,

    /// <summary>It should never have been recorded (wrong patient, wrong course): it no longer counts.</summary>
    EnteredInError,
}
