namespace InfusionSuite.Domain.Sessions;

/// <summary>Why a nurse stopped a session early.</summary>
public enum AbortReason : byte
{
    PatientIntolerance,
    Headache,
    ColdIntolerance,
    PatientRequest,
    DeviceFault,
    Other,
}
