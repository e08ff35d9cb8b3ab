namespace InfusionSuite.Application.Outbox;

/// <summary>The validator's verdict on one payload (or one resource of it), kept with the outbox item.</summary>
public sealed record PayloadValidationReport(DateTimeOffset ValidatedAt, IReadOnlyList<PayloadValidationIssue> Issues)
{
    public int ErrorCount => Issues.Count(i => i.IsError);

    public bool IsValid => ErrorCount == 0;

    /// <summary>The errors, one per line, for staff.</summary>
    public string ErrorText => string.Join(Environment.NewLine, Issues.Where(i => i.IsError).Select(i => $"{i.Location}: {i.Message}"));
}
