namespace InfusionSuite.Hl7.Outbox;

/// <summary>One OBX of a stored ORU^R01, read back as text.</summary>
/// <param name="Name">OBX-3's text, else its code.</param>
/// <param name="SubId">OBX-4; null when empty.</param>
/// <param name="Value">OBX-5: the text of a coded value (CE, CWE), else the value as sent.</param>
/// <param name="Unit">OBX-6's code; null when empty.</param>
/// <param name="ResultStatus">OBX-11: F (final), C (corrected) or W (wrong: entered in error).</param>
public sealed record StoredObservation(string Name, string? SubId, string Value, string? Unit, string ResultStatus);
