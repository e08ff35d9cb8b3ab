using System.Reflection;
using Hl7.Fhir.Model;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Fhir.Mapping;

namespace InfusionSuite.Fhir.Tests;

/// <summary>docs/fhir-codesystem.json publishes the local CodeSystem as a FHIR resource: valid R4, every local code the mapper uses.</summary>
[Collection(ValidatorCollection.Name)]
public sealed class LocalCodeSystemTests(ValidatorFixture fixture)
{
    [Fact]
    public void PublishedCodeSystem_IsValidAndHoldsEveryLocalCode()
    {
        var codeSystem = FhirJson.Parse<CodeSystem>(File.ReadAllText(Path.Combine(FhirServerFixture.ServerFolder(), "..", "..", "docs", "fhir-codesystem.json")));

        Assert.True(fixture.Validator.Validate(codeSystem).IsValid);
        Assert.Equal(new FhirMappingOptions().LocalCodeSystem, codeSystem.Url);
        var published = codeSystem.Concept.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var used = typeof(FhirCodes.Local).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!)
            .Concat(Enum.GetNames<AbortReason>().Select(r => "abort-" + Kebab(r)))
            .Concat(Enum.GetNames<VoidReason>().Select(r => "void-" + Kebab(r)));
        Assert.All(used, code => Assert.Contains(code, published));
        Assert.Equal(codeSystem.Concept.Count, codeSystem.Count);
    }

    private static string Kebab(string pascal) => string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
