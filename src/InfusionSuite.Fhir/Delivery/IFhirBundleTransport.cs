namespace InfusionSuite.Fhir.Delivery;

/// <summary>Sends one transaction Bundle to the EHR and says how it went; never throws for HTTP or network failures.</summary>
public interface IFhirBundleTransport
{
    /// <summary>False when no EHR is configured (nothing is sent; Bundles stay in the outbox).</summary>
    bool IsConfigured { get; }

    /// <param name="sessionId">The session the Bundle documents: what the EHR did with each entry is kept under the resource's key in it.</param>
    Task<FhirSendResult> SendAsync(string bundleJson, string sessionId, CancellationToken cancellationToken);
}
