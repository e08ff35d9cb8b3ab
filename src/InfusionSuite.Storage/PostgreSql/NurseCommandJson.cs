using System.Text.Json;

namespace InfusionSuite.Storage.PostgreSql;

/// <summary>How a nurse action and its answer are kept in <c>nurse_commands</c> (jsonb).</summary>
internal static class NurseCommandJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
