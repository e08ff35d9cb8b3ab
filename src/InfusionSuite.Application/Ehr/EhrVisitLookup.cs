namespace InfusionSuite.Application.Ehr;

/// <summary>The EHR's answer about one visit read by its id: the visit (null when the EHR has none with that id) or, when it could not be asked, why.</summary>
public sealed record EhrVisitLookup(EhrVisitMatch? Visit, string? Problem = null);
