using System.Globalization;
using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using InfusionSuite.Fhir.Mapping;

namespace InfusionSuite.Fhir.Tests;

/// <summary>Issue 13: FHIR decimals keep the device's precision (−4.0 °C is sent as -4.0, not -4), and means a stated precision.</summary>
public sealed class DevicePrecisionTests
{
    [Fact]
    public void TemperaturesTheDeviceSentWithOneDecimal_KeepIt_MeansHaveTwo()
    {
        var chair = new SessionScenario();
        chair.Start();
        chair.RunCompleteSessionAfterStart(); // every sample at -4.0 °C
        var record = chair.Record;

        var bundle = new SessionBundleMapper(new FhirMappingOptions()).Map(record, SimulatedSessions.Context(record));

        var coolant = bundle.Entry.Select(e => e.Resource).OfType<Observation>().Single(o => o.Code.Coding[0].Code == "coolant-temperature-summary");
        var values = coolant.Component.Take(3).Select(c => ((Quantity)c.Value).Value!.Value.ToString(CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(["-4.0", "-4.00", "-4.0"], values);
        Assert.Matches(new Regex("\"value\"\\s*:\\s*-4\\.0\\b"), FhirJson.Serialize(bundle));
        Assert.DoesNotMatch(new Regex("\"value\"\\s*:\\s*-4\\s*[,}]"), FhirJson.Serialize(bundle));
    }
}
