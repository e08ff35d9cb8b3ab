namespace InfusionSuite.Domain.Sessions;

/// <summary>Cooling cap sizes (CCP/1 CALIBRATED detail).</summary>
public enum CapSize : byte
{
    XS,
    S,
    M,
    L,
    XL,
}
