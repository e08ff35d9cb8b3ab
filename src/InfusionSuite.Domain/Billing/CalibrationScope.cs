namespace InfusionSuite.Domain.Billing;

/// <summary>How often 0662T may be reported: once per course (CGS reading) or once per patient (some payers).</summary>
public enum CalibrationScope : byte
{
    Course,
    Patient,
}
