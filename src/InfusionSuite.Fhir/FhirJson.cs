using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace InfusionSuite.Fhir;

/// <summary>FHIR JSON in and out (Firely's serializers), compact for storage, indented for people.</summary>
public static class FhirJson
{
    private static readonly FhirJsonSerializer s_serializer = new();
    private static readonly FhirJsonDeserializer s_deserializer = new();

    public static string Serialize(Resource resource, bool pretty = false) => s_serializer.SerializeToString(resource, pretty);

    public static T Parse<T>(string json)
        where T : Resource => s_deserializer.Deserialize<T>(json);
}
