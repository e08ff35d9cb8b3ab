using System.Text.Json;

namespace InfusionSuite.Hl7.Tests;

/// <summary>
/// One message as the peer read it: its control id, type, the ACK it gave, the dictionary
/// check's problems, and each segment as [name, fields] with fields[n] = field n (repetitions of
/// components, unescaped by the peer).
/// </summary>
internal sealed record PeerReceived(string ControlId, string MessageType, string? Ack, IReadOnlyList<string> Problems, IReadOnlyList<JsonElement> Segments)
{
    public IEnumerable<JsonElement> All(string name) =>
        Segments.Where(s => s[0].GetString() == name).Select(s => s[1]);

    public JsonElement One(string name) => All(name).Single();

    /// <summary>Component <paramref name="component"/> (from 1) of the first repetition of field <paramref name="field"/>.</summary>
    public static string Value(JsonElement fields, int field, int component = 1)
    {
        if (field >= fields.GetArrayLength())
        {
            return string.Empty;
        }

        var repetitions = fields[field];
        if (repetitions.GetArrayLength() == 0 || component > repetitions[0].GetArrayLength())
        {
            return string.Empty;
        }

        return repetitions[0][component - 1].GetString() ?? string.Empty;
    }
}
