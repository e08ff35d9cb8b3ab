namespace InfusionSuite.Fhir.Delivery;

/// <summary>Sends one transaction Bundle to the EHR and says how it went; never throws for HTTP or network failures.</summary>
public interface IFhirBundleTransport
{
    /// <summary>False when no EHR is configured (nothing is sent; Bundles stay in the outbox).</summary>
    bool IsConfigured { get; }

    Task<FhirSendResult> SendAsync(string bundleJson, CancellationToken cancellationToken);
}
