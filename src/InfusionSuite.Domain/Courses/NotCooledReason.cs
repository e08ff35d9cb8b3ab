namespace InfusionSuite.Domain.Courses;

/// <summary>Why a chemotherapy session of the course was given without scalp cooling.</summary>
public enum NotCooledReason : byte
{
    /// <summary>The patient declined cooling for this session.</summary>
    PatientDeclined,

    /// <summary>No chair with a cooling device (or no working device) was free.</summary>
    NoChairOrDevice,

    /// <summary>Another reason, given as text.</summary>
    Other,
}
