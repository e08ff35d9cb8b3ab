namespace InfusionSuite.Storage.Schema;

/// <summary>A patient's display name by patient reference (PHI: never logged).</summary>
public sealed class PatientRow
{
    public int PatientKey { get; set; }

    public required string PatientReference { get; set; }

    public required string DisplayName { get; set; }
}
