namespace InfusionSuite.Application.Outbox;

/// <summary>One issue the validator found: severity (fatal, error, warning, information), where, and what.</summary>
public sealed record PayloadValidationIssue(string Severity, string Location, string Message)
{
    public bool IsError => Severity is "error" or "fatal";
}
