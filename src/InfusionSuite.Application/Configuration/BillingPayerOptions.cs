namespace InfusionSuite.Application.Configuration;

/// <summary>A payer whose code set differs from the site's (<c>Billing:Payers:N</c>): e.g. one that still takes 0662T/0663T after 2025.</summary>
public sealed class BillingPayerOptions
{
    /// <summary>The payer's name as sessions give it.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The payer's whole code set (it replaces the site's for the payer's sessions).</summary>
    public List<BillingCodeRowOptions> CodeRows { get; set; } = [];
}
