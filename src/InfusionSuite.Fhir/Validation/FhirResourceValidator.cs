using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;
using InfusionSuite.Application.Outbox;
using InfusionSuite.Fhir.Mapping;

namespace InfusionSuite.Fhir.Validation;

/// <summary>
/// Validates resources against the FHIR R4 base definitions, offline (the specification zip of
/// Hl7.Fhir.Specification.Data.R4). The US Core profiles the resources claim are not loaded here (the
/// tests hold conformance to them against the US Core package), so they are left out of the check. Loading the definitions takes seconds, so one instance is
/// kept (a singleton in the host, a collection fixture in tests) and built on first use.
/// </summary>
public sealed class FhirResourceValidator(TimeProvider time)
{
    private readonly Lazy<Validator> _validator = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly Lock _gate = new();

    /// <summary>Whether the definitions are loaded (the first validation loads them: seconds, a minute on a busy machine).</summary>
    public bool IsLoaded => _validator.IsValueCreated;

    /// <summary>Loads the definitions now (the dispatcher does, in the background, at its start), so the first Bundle does not wait for them.</summary>
    public void Load() => _ = _validator.Value;

    public PayloadValidationReport Validate(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        OperationOutcome outcome;
        lock (_gate)
        {
            outcome = _validator.Value.Validate(resource);
        }

        var issues = outcome.Issue
            .Select(i => new PayloadValidationIssue(
                i.Severity?.ToString().ToLowerInvariant() ?? "error",
                string.Join(", ", i.Expression ?? []),
                i.Details?.Text ?? i.Diagnostics ?? i.Code?.ToString() ?? "unspecified"))
            .ToList();
        return new PayloadValidationReport(time.GetUtcNow(), issues);
    }

    /// <summary>
    /// Validates stored FHIR JSON. What the parser refuses (a missing required element, an unknown
    /// property) is reported as errors too, beside what the validator finds in the rest.
    /// </summary>
    public PayloadValidationReport ValidateJson(string json)
    {
        try
        {
            return Validate(FhirJson.Parse<Resource>(json));
        }
        catch (DeserializationFailedException e)
        {
            var parsing = e.Exceptions.Select(x => new PayloadValidationIssue("error", "(parsing)", x.Message));
            var rest = e.PartialResult is Resource partial ? Validate(partial).Issues : [];
            return new PayloadValidationReport(time.GetUtcNow(), [.. parsing, .. rest]);
        }
    }

    private static Validator Create()
    {
        var resolver = new CachedResolver(ZipSource.CreateValidationSource());
        var settings = new ValidationSettings
        {
            SelectValidationProfiles = (_, profiles, _, _) => [.. profiles.Where(p => Array.IndexOf(UsCoreProfiles.All, p.ToString()) < 0)],
        };
        return new Validator(resolver, new LocalTerminologyService(resolver), null, settings);
    }
}
