using System.Text.Json;
using System.Text.Json.Serialization;

namespace InfusionSuite.Simulator.Scenarios;

/// <summary>Reads and writes scenario files (format in docs/simulator.md): camelCase members, camelCase enum names.</summary>
public static class ScenarioJson
{
    private static readonly JsonSerializerOptions s_options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        RespectNullableAnnotations = true,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Parses and validates a scenario; throws <see cref="ScenarioFormatException"/> naming what is wrong.</summary>
    public static Scenario Parse(string json, string source = "scenario")
    {
        Scenario? scenario;
        try
        {
            scenario = JsonSerializer.Deserialize<Scenario>(json, s_options);
        }
        catch (JsonException e)
        {
            var where = e.Path is null ? "" : $" at {e.Path}";
            throw new ScenarioFormatException($"{source}: not a valid scenario{where}: {e.Message}", e);
        }

        if (scenario is null)
        {
            throw new ScenarioFormatException($"{source}: empty scenario (null)");
        }

        ScenarioValidator.ThrowIfInvalid(scenario, source);
        return scenario;
    }

    public static async Task<Scenario> LoadAsync(string path, CancellationToken cancellationToken)
    {
        string json;
        try
        {
            json = await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioFormatException($"{path}: cannot read the scenario file: {e.Message}", e);
        }

        return Parse(json, path);
    }

    public static string Serialize(Scenario scenario) => JsonSerializer.Serialize(scenario, s_options);
}
