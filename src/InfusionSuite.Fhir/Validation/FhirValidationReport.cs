namespace InfusionSuite.Fhir.Validation;

/// <summary>The validator's verdict on one Bundle or resource, kept with the outbox item.</summary>
public sealed record FhirValidationReport(DateTimeOffset ValidatedAt, IReadOnlyList<FhirValidationIssue> Issues)
{
    public int ErrorCount => Issues.Count(i => i.IsError);

    public bool IsValid => ErrorCount == 0;

    /// <summary>The errors, one per line, for staff.</summary>
    public string ErrorText => string.Join(Environment.NewLine, Issues.Where(i => i.IsError).Select(i => $"{i.Location}: {i.Message}"));
}
