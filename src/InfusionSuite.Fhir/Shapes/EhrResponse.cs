using System.Text.Json;
using InfusionSuite.Fhir.Delivery;

namespace InfusionSuite.Fhir.Shapes;

/// <summary>One answer of the EHR to one request, or none (<see cref="Status"/> null: the request may or may not have arrived).</summary>
internal sealed record EhrResponse(int? Status, string? Location, string Body, TimeSpan? RetryAfter, string? Error = null)
{
    public bool Succeeded => Status is >= 200 and < 300;

    public bool Transient => Status is not { } status || TransientFailures.IsTransientStatus(status);

    /// <summary>The server's id of what it created or updated: from <c>Location</c>, else from the body.</summary>
    public string? ResourceId(string resourceType)
    {
        if (Location is { } location)
        {
            var parts = location.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var at = Array.LastIndexOf(parts, resourceType);
            if (at >= 0 && at + 1 < parts.Length)
            {
                return parts[at + 1];
            }
        }

        return Property("id");
    }

    /// <summary>The OperationOutcome's texts, or what went wrong on the wire.</summary>
    public string Explanation()
    {
        if (Error is { } error)
        {
            return error;
        }

        try
        {
            using var document = JsonDocument.Parse(Body);
            if (document.RootElement.TryGetProperty("issue", out var issues) && issues.ValueKind == JsonValueKind.Array)
            {
                var texts = issues.EnumerateArray()
                    .Select(i => i.TryGetProperty("details", out var d) && d.TryGetProperty("text", out var t) ? t.GetString()
                        : i.TryGetProperty("diagnostics", out var g) ? g.GetString() : null)
                    .Where(t => !string.IsNullOrWhiteSpace(t));
                var joined = string.Join(" ", texts);
                if (joined.Length > 0)
                {
                    return joined;
                }
            }
        }
        catch (JsonException)
        {
        }

        return $"HTTP {Status}";
    }

    private string? Property(string name)
    {
        try
        {
            using var document = JsonDocument.Parse(Body);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(name, out var value) ? value.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
