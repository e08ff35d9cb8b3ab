using Hl7.Fhir.Serialization;
using InfusionSuite.Fhir.Mapping;

namespace InfusionSuite.Fhir.Tests;

/// <summary>
/// FhirJson writes with Firely's System.Text.Json converters for speed (docs/performance.md); the
/// EHR and the outbox must get exactly what Firely's element-model serializer writes.
/// </summary>
public sealed class FhirJsonTests
{
    public static TheoryData<string> Sessions => ["normal", "first", "short", "interrupted", "aborted", "voided"];

    [Theory]
    [MemberData(nameof(Sessions))]
    public void SessionBundle_IsWrittenExactlyAsFirelysSerializerWritesIt(string kind)
    {
        var record = kind switch
        {
            "normal" => SimulatedSessions.Normal("s-" + kind),
            "first" => SimulatedSessions.FirstOfCourse("s-" + kind),
            "short" => SimulatedSessions.ShortPrecool("s-" + kind),
            "interrupted" => SimulatedSessions.Interrupted("s-" + kind),
            "aborted" => SimulatedSessions.Aborted("s-" + kind),
            _ => SimulatedSessions.Voided("s-" + kind),
        };
        var bundle = new SessionBundleMapper(new FhirMappingOptions()).Map(record, SimulatedSessions.Context(record));
        var reference = new FhirJsonSerializer();

        Assert.Equal(reference.SerializeToString(bundle), FhirJson.Serialize(bundle));
        Assert.Equal(reference.SerializeToString(bundle, pretty: true), FhirJson.Serialize(bundle, pretty: true));
    }
}
