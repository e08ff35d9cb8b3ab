namespace InfusionSuite.Web.Api;

/// <summary>What the start and documentation forms offer, as configured on this site.</summary>
public sealed record ChoicesView(
    IReadOnlyList<PresetView> Presets,
    int MinimumTargetMinutes,
    int MaximumTargetMinutes,
    IReadOnlyList<string> PrimaryCptCodes,
    IReadOnlyList<ChoiceView> CapSizes,
    IReadOnlyList<ChoiceView> AbortReasons,
    IReadOnlyList<ChoiceView> VoidReasons,
    IReadOnlyList<ChoiceView> AdverseEvents,
    IReadOnlyList<ChoiceView> Chairs)
{
    /// <summary>True when an EHR is configured: the start form offers to look the patient and the visit up in it (<c>GET /api/ehr/patients</c>).</summary>
    public bool EhrLookup { get; init; }
}

public sealed record PresetView(string Name, int PreCoolingMinutes, int PostCoolingMinutes);

/// <summary>A value the API takes and the words staff see.</summary>
public sealed record ChoiceView(string Value, string Text);
