namespace InfusionSuite.Hl7.Configuration;

/// <summary>
/// What OBX-3 (and OBX-4) says for one value: the code ^ text ^ coding system the interface team
/// maps to a flowsheet row, and an optional sub-id that tells apart values sharing one code.
/// </summary>
public sealed class Hl7ObservationCode
{
    /// <summary>OBX-3.1, e.g. the flowsheet row id.</summary>
    public string Code { get; set; } = string.Empty;

    /// <summary>OBX-3.2, the row's name.</summary>
    public string Text { get; set; } = string.Empty;

    /// <summary>MDC for IEEE 11073-10101 codes; 99ISC (or the site's own) for local codes.</summary>
    public string CodingSystem { get; set; } = string.Empty;

    /// <summary>OBX-4, when rows share one code.</summary>
    public string? SubId { get; set; }
}
