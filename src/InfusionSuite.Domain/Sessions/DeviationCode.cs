namespace InfusionSuite.Domain.Sessions;

/// <summary>The deviations of docs/clinical-rules.md; <see cref="SessionDeviation.Name"/> gives the table's name.</summary>
public enum DeviationCode : byte
{
    ShortPrecool,
    PrecoolNotAtTemperature,
    Interrupted,
    ShortPostcool,
    Aborted,
    Overcool,
    DeviceFault,
}
