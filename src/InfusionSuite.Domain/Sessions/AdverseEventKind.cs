namespace InfusionSuite.Domain.Sessions;

/// <summary>Adverse events a nurse documents during or after scalp cooling.</summary>
public enum AdverseEventKind : byte
{
    Headache,
    ScalpPain,
    ColdIntolerance,
    Shivering,
    ColdInjury,
    Other,
}
