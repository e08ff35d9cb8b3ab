using System.Text.Json;

namespace InfusionSuite.Fhir.Shapes;

/// <summary>Reads a search result Bundle without binding it: the ids of the matches of one type.</summary>
internal static class SearchSet
{
    public static List<string> Ids(string searchset, string type)
    {
        using var document = JsonDocument.Parse(searchset);
        if (!document.RootElement.TryGetProperty("entry", out var entries) || entries.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return [.. entries.EnumerateArray()
            .Where(e => !e.TryGetProperty("search", out var s) || !s.TryGetProperty("mode", out var m) || m.GetString() == "match")
            .Select(e => e.TryGetProperty("resource", out var r) && r.TryGetProperty("resourceType", out var t) && t.GetString() == type && r.TryGetProperty("id", out var id) ? id.GetString() : null)
            .OfType<string>()];
    }
}
