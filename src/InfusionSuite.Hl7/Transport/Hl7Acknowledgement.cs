namespace InfusionSuite.Hl7.Transport;

/// <summary>
/// The receiver's answer to one message: MSA-1 (<c>AA</c> accepted, <c>AE</c> error, <c>AR</c>
/// rejected; <c>CA</c>/<c>CE</c>/<c>CR</c> in enhanced mode), MSA-2 the control id it answers,
/// and the receiver's text (MSA-3 and the ERR segments) for staff.
/// </summary>
public sealed record Hl7Acknowledgement(string Code, string ControlId, string? Text)
{
    public bool Accepted => Code is "AA" or "CA";
}
