using Hl7.Fhir.Model;

namespace InfusionSuite.Fhir.Mapping;

/// <summary>
/// The US Core 6.1.0 profiles InfusionSuite's resources claim (<c>meta.profile</c>) and conform to (the tests
/// validate against the package). The Device (a controller, not an implant) and the ChargeItem have none.
/// </summary>
internal static class UsCoreProfiles
{
    public const string Procedure = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-procedure";

    /// <summary>For observations no other US Core profile covers: phase minutes, temperature summaries, outcome scores.</summary>
    public const string SimpleObservation = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-simple-observation";

    public static readonly string[] All = [Procedure, SimpleObservation];
}
