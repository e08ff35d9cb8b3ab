using System.Formats.Tar;
using System.IO.Compression;
using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

namespace InfusionSuite.Fhir.Tests;

/// <summary>
/// One Firely validator that knows the US Core 6.1.0 profiles InfusionSuite claims (copied from the package
/// into <c>UsCore/</c>) beside the R4 base definitions: a resource is checked against every profile in its
/// <c>meta.profile</c>. Offline, like the product's own validator: the package is unpacked into a temp folder.
/// </summary>
public sealed class UsCoreValidatorFixture : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Validator _validator;
    private readonly DirectoryInfo _package = Directory.CreateTempSubdirectory("us-core-");

    public UsCoreValidatorFixture()
    {
        using (var gzip = new GZipStream(File.OpenRead(Path.Combine(AppContext.BaseDirectory, "UsCore", "hl7.fhir.us.core-6.1.0.tgz")), CompressionMode.Decompress))
        {
            TarFile.ExtractToDirectory(gzip, _package.FullName, overwriteFiles: false);
        }

        var usCore = new DirectorySource(Path.Combine(_package.FullName, "package"), new DirectorySourceSettings { IncludeSubDirectories = false });
        var resolver = new CachedResolver(new MultiResolver(usCore, ZipSource.CreateValidationSource()));
        _validator = new Validator(resolver, new LocalTerminologyService(resolver));
        Validate(new Patient());
    }

    public void Dispose() => _package.Delete(recursive: true);

    /// <summary>The errors (and fatal issues) the validator reports, one line each; empty when the resource conforms.</summary>
    public IReadOnlyList<string> Errors(Resource resource) =>
        [.. Validate(resource).Issue
            .Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
            .Select(i => $"{resource.TypeName} {string.Join(",", i.Expression ?? [])}: {i.Details?.Text ?? i.Diagnostics}")];

    /// <summary>Every issue of any severity, for a test that checks a profile was actually applied.</summary>
    public OperationOutcome Validate(Resource resource)
    {
        lock (_gate)
        {
            return _validator.Validate(resource);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class UsCoreValidatorCollection : ICollectionFixture<UsCoreValidatorFixture>
{
    public const string Name = "US Core validator";
}
