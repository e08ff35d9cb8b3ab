using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace InfusionSuite.Fhir;

/// <summary>
/// FHIR JSON in and out, compact for storage, indented for people. Written by Firely's
/// System.Text.Json converters, about ten times faster than its <c>FhirJsonSerializer</c> (which
/// goes through the element model) with the same output: docs/performance.md.
/// </summary>
public static class FhirJson
{
    private static readonly JsonSerializerOptions s_compact = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);
    private static readonly JsonSerializerOptions s_pretty = new(s_compact) { WriteIndented = true };
    private static readonly FhirJsonDeserializer s_deserializer = new();

    public static string Serialize(Resource resource, bool pretty = false) => JsonSerializer.Serialize(resource, pretty ? s_pretty : s_compact);

    public static T Parse<T>(string json)
        where T : Resource => s_deserializer.Deserialize<T>(json);
}
