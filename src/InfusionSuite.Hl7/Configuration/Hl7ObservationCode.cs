namespace InfusionSuite.Hl7.Configuration;

/// <summary>
/// What OBX-3 (and OBX-4) says for one value: the code ^ text ^ coding system the interface team
/// maps to a flowsheet row, and an optional sub-id that tells apart values sharing one code.
/// </summary>
public sealed class Hl7ObservationCode
{
    public string Code { get; set; } = string.Empty;

    public string Text { get; set; } = string.Empty;

    /// <summary>MDC for IEEE 11073-10101 codes; 99ISC (or the site's own) for local codes.</summary>
    public string CodingSystem { get; set; } = string.Empty;

    public string? SubId { get; set; }
}
