namespace InfusionSuite.Fhir.Validation;

/// <summary>One issue the validator found: severity (fatal, error, warning, information), where, and what.</summary>
public sealed record FhirValidationIssue(string Severity, string Location, string Message)
{
    public bool IsError => Severity is "error" or "fatal";
}
