using System.Text.Json;
using System.Text.Json.Serialization;

namespace InfusionSuite.Domain.Tests;

/// <summary>A canonical text of a record, to compare whole records.</summary>
internal static class Json
{
    private static readonly JsonSerializerOptions s_options = new() { Converters = { new JsonStringEnumConverter() } };

    public static string Of<T>(T value) => JsonSerializer.Serialize(value, s_options);
}
