namespace InfusionSuite.Application.Ports;

/// <summary>A course as stored: its patient, regimen and whether the cap was measured and calibrated.</summary>
public sealed record CourseFacts(string CourseId, string PatientReference, string Regimen, bool CapMeasuredAndCalibrated);
