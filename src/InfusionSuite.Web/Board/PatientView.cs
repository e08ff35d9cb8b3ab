namespace InfusionSuite.Web.Board;

/// <summary>Who is in the chair (PHI: only for nurses and admins, never logged).</summary>
/// <param name="Reference">The MRN or EHR id as entered.</param>
/// <param name="Name">The name as entered; null when none was stored.</param>
public sealed record PatientView(string Reference, string? Name);
