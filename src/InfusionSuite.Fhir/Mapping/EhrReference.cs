using Hl7.Fhir.Model;

namespace InfusionSuite.Fhir.Mapping;

/// <summary>
/// How a resource the EHR owns is referenced: by the EHR's id when known (<c>Patient/123</c>),
/// otherwise logically by an identifier (an MRN, an order number, an NPI).
/// </summary>
public sealed record EhrReference
{
    private EhrReference(string resourceType, string? id, string? identifierSystem, string? identifierValue)
    {
        ResourceType = resourceType;
        Id = id;
        IdentifierSystem = identifierSystem;
        IdentifierValue = identifierValue;
    }

    public string ResourceType { get; }

    /// <summary>The EHR's logical id; null for a logical (identifier) reference.</summary>
    public string? Id { get; }

    public string? IdentifierSystem { get; }

    public string? IdentifierValue { get; }

    public static EhrReference ById(string resourceType, string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(resourceType);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return new EhrReference(resourceType, id, null, null);
    }

    public static EhrReference ByIdentifier(string resourceType, string system, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(resourceType);
        ArgumentException.ThrowIfNullOrWhiteSpace(system);
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        return new EhrReference(resourceType, null, system, value);
    }

    /// <summary>
    /// Reads an opaque reference such as <c>MedicationAdministration/ma-1</c>: a literal reference
    /// when it has that shape and one of the allowed types, else a logical one with the fallback system.
    /// </summary>
    public static EhrReference Parse(string reference, string fallbackType, string fallbackSystem, params string[] allowedTypes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        var slash = reference.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0 && slash == reference.LastIndexOf('/') && slash < reference.Length - 1)
        {
            var type = reference[..slash];
            if (allowedTypes.Contains(type, StringComparer.Ordinal))
            {
                return ById(type, reference[(slash + 1)..]);
            }
        }

        return ByIdentifier(fallbackType, fallbackSystem, reference);
    }

    internal ResourceReference ToFhir() => Id is { } id
        ? new ResourceReference($"{ResourceType}/{id}")
        : new ResourceReference { Type = ResourceType, Identifier = new Identifier(IdentifierSystem, IdentifierValue) };
}
