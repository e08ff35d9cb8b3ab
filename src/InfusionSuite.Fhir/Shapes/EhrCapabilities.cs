using System.Text.Json;

namespace InfusionSuite.Fhir.Shapes;

/// <summary>
/// What the EHR's CapabilityStatement (<c>GET [base]/metadata</c>) declares, in the terms delivery
/// needs: transactions, and per resource type its interactions, search parameters and operations.
/// </summary>
public sealed class EhrCapabilities
{
    private readonly HashSet<string> _system;
    private readonly Dictionary<string, ResourceCapability> _types;

    private EhrCapabilities(HashSet<string> system, Dictionary<string, ResourceCapability> types)
    {
        _system = system;
        _types = types;
    }

    public bool Transactions => _system.Contains("transaction");

    public static EhrCapabilities Parse(string capabilityStatementJson)
    {
        using var document = JsonDocument.Parse(capabilityStatementJson);
        var root = document.RootElement;
        if (!root.TryGetProperty("resourceType", out var type) || type.GetString() != "CapabilityStatement")
        {
            throw new FormatException("The EHR's /metadata is not a CapabilityStatement.");
        }

        var system = new HashSet<string>(StringComparer.Ordinal);
        var types = new Dictionary<string, ResourceCapability>(StringComparer.Ordinal);
        foreach (var rest in Array(root, "rest").Where(r => !r.TryGetProperty("mode", out var m) || m.GetString() == "server"))
        {
            system.UnionWith(Codes(rest, "interaction", "code"));
            foreach (var resource in Array(rest, "resource"))
            {
                var name = resource.GetProperty("type").GetString() ?? string.Empty;
                types[name] = new ResourceCapability(
                    [.. Codes(resource, "interaction", "code")],
                    [.. Codes(resource, "searchParam", "name")],
                    [.. Codes(resource, "operation", "name")],
                    resource.TryGetProperty("conditionalCreate", out var conditional) && conditional.ValueKind == JsonValueKind.True);
            }
        }

        return new EhrCapabilities(system, types);
    }

    public bool Can(string resourceType, string interaction) => _types.TryGetValue(resourceType, out var r) && r.Interactions.Contains(interaction);

    public bool CanSearchBy(string resourceType, string parameter) => Can(resourceType, "search-type") && _types[resourceType].SearchParameters.Contains(parameter);

    public bool HasOperation(string resourceType, string operation) => _types.TryGetValue(resourceType, out var r) && r.Operations.Contains(operation);

    private static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array ? array.EnumerateArray() : [];

    private static IEnumerable<string> Codes(JsonElement element, string array, string property) =>
        Array(element, array).Select(e => e.TryGetProperty(property, out var code) ? code.GetString() : null).OfType<string>();

    private sealed record ResourceCapability(HashSet<string> Interactions, HashSet<string> SearchParameters, HashSet<string> Operations, bool ConditionalCreate);
}
