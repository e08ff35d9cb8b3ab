using System.Security.Cryptography;
using System.Text;

namespace InfusionSuite.Fhir.Mapping;

/// <summary>
/// Name-based UUIDs for Bundle fullUrls, so that the same session maps to the identical Bundle
/// every time (the stored outbox item, the NDJSON export and the documented example agree).
/// </summary>
internal static class DeterministicUuid
{
    public static string Urn(string sessionId, string entryKey)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(sessionId + "\n" + entryKey), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return "urn:uuid:" + new Guid(bytes, bigEndian: true).ToString("D");
    }
}
