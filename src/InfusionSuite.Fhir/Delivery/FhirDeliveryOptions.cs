using InfusionSuite.Fhir.Authentication;

namespace InfusionSuite.Fhir.Delivery;

/// <summary>
/// How Bundles reach the EHR (configuration section <c>Fhir:Delivery</c>). Without a
/// <see cref="BaseUrl"/> nothing is sent: Bundles are still produced, kept, viewable and exportable.
/// Checked at start by <see cref="FhirDeliveryOptionsValidator"/>.
/// </summary>
public sealed class FhirDeliveryOptions
{
    public const string SectionName = "Fhir:Delivery";

    /// <summary>The EHR's FHIR R4 base URL; null when no EHR is configured.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>Validate each Bundle against the R4 base definitions before its first send; invalid ones are parked.</summary>
    public bool ValidateBeforeSending { get; set; } = true;

    /// <summary>How often the dispatcher looks for due items when the last look found none.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Items taken per look.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>Time allowed for one HTTP attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Quick retries inside one delivery attempt (0 to leave every retry to the outbox).</summary>
    public int InProcessRetries { get; set; } = 2;

    /// <summary>First delay of the quick retries (exponential, with jitter).</summary>
    public TimeSpan InProcessRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait, Retry-After included, spent in-process; a longer Retry-After is left to the outbox.</summary>
    public TimeSpan MaxInProcessRetryAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>First outbox retry delay after a transient failure (doubles per attempt, ±20 % jitter).</summary>
    public TimeSpan OutboxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest outbox retry delay (a server's Retry-After may ask for more).</summary>
    public TimeSpan OutboxMaxRetryDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How the resources are sent: one transaction Bundle, one request each, or Oracle Millennium's way.</summary>
    public FhirDeliveryShape Shape { get; set; } = FhirDeliveryShape.Transaction;

    /// <summary>Read the EHR's <c>/metadata</c> at start and stop when it cannot take the <see cref="Shape"/>.</summary>
    public bool CheckCapabilitiesAtStart { get; set; } = true;

    /// <summary>The site's bill-code system for <c>ChargeItem/$create</c> (required for <see cref="FhirDeliveryShape.Millennium"/> with charges).</summary>
    public string? BillCodeSystem { get; set; }

    /// <summary>The site's bill code per CPT code, for <c>ChargeItem/$create</c>; a code not listed is sent as itself.</summary>
    public Dictionary<string, string> BillCodes { get; set; } = new(StringComparer.Ordinal);

    public EhrAuthenticationOptions Authentication { get; set; } = new();
}
