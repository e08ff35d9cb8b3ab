namespace InfusionSuite.Fhir.Shapes;

/// <summary>What <see cref="ReferenceResolver"/> found: literal references by logical key, reasons to hold, notes for staff.</summary>
internal sealed class ResolvedReferences
{
    /// <summary>By <see cref="ReferenceResolver.Key"/>: the literal reference, or null to leave the reference out.</summary>
    public Dictionary<string, string?> Literal { get; } = new(StringComparer.Ordinal);

    /// <summary>References the EHR does not hold (or that cannot be checked): the item is held for staff.</summary>
    public List<string> Holds { get; } = [];

    /// <summary>The EHR could not be asked now (a transient failure): try again later.</summary>
    public EhrResponse? Unavailable { get; set; }
}
