using Hl7.Fhir.Model;
using InfusionSuite.Fhir.Mapping;

namespace InfusionSuite.Fhir.Tests;

/// <summary>
/// Writes the example Bundles that docs/fhir-mapping.md links, from simulated sessions mapped by
/// the real mapper (never by hand), and holds that they validate. The mapping is deterministic, so
/// the files change only when the mapping does.
/// </summary>
[Collection(ValidatorCollection.Name)]
public sealed class DocumentedExampleTests(ValidatorFixture fixture)
{
    [Fact]
    public void FirstOfCourseSession_IsWrittenAsTheDocumentedExampleBundle()
    {
        var record = SimulatedSessions.FirstOfCourse("2f0c9a4e-example");
        var bundle = new SessionBundleMapper(new FhirMappingOptions()).Map(record, SimulatedSessions.Context(record));

        var written = Write("session-bundle.json", bundle);

        Assert.True(fixture.Validator.Validate(bundle).IsValid);
        Assert.Equal(12, FhirJson.Parse<Bundle>(written).Entry.Count); // Device, 97008 and 97007, six Observations, ChargeItems 97008, 97009, 97007
    }

    [Fact]
    public void VoidOfThatSession_IsWrittenAsTheDocumentedVoidExample()
    {
        var (_, voided) = SimulatedSessions.CompletedThenVoided("2f0c9a4e-example", firstOfCourse: true);
        var bundle = new SessionBundleMapper(new FhirMappingOptions()).Map(voided, SimulatedSessions.Context(voided));

        Write("session-void-bundle.json", bundle);

        Assert.True(fixture.Validator.Validate(bundle).IsValid);
    }

    private static string Write(string fileName, Bundle bundle)
    {
        var folder = Path.Combine(RepositoryRoot(), "docs", "examples");
        Directory.CreateDirectory(folder);
        var json = FhirJson.Serialize(bundle, pretty: true).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
        var path = Path.Combine(folder, fileName);
        if (!File.Exists(path) || File.ReadAllText(path) != json)
        {
            File.WriteAllText(path, json);
        }

        return json;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "InfusionSuite.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("InfusionSuite.sln was not found above the test output folder.");
    }
}
