namespace InfusionSuite.Fhir.Shapes;

/// <summary>Reads the EHR's CapabilityStatement once (<c>GET [base]/metadata</c>) and keeps it; a failed read is tried again next time.</summary>
internal sealed class EhrCapabilityReader(EhrRestClient ehr)
{
    private EhrCapabilities? _known;

    /// <summary>The EHR's capabilities; null when it could not be read now (with the reason why).</summary>
    public async Task<(EhrCapabilities? Capabilities, string? Problem)> ReadAsync(CancellationToken cancellationToken)
    {
        if (_known is { } known)
        {
            return (known, null);
        }

        var response = await ehr.GetAsync("metadata", cancellationToken);
        if (!response.Succeeded)
        {
            return (null, "The EHR's /metadata could not be read: " + response.Explanation());
        }

        try
        {
            _known = EhrCapabilities.Parse(response.Body);
            return (_known, null);
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return (null, "The EHR's /metadata is not a readable CapabilityStatement: " + e.Message);
        }
    }
}
