namespace InfusionSuite.Storage.Schema;

/// <summary>A patient's course of scalp cooling for one regimen (created by its first session).</summary>
public sealed class CourseRow
{
    public int CourseKey { get; set; }

    public required string CourseId { get; set; }

    /// <summary>Opaque patient reference (PHI: never logged).</summary>
    public required string PatientReference { get; set; }

    public required string Regimen { get; set; }

    public bool CapMeasuredAndCalibrated { get; set; }

    public long CreatedAtMs { get; set; }
}
