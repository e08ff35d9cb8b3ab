using System.Security.Cryptography;

namespace InfusionSuite.Hl7.Messages;

/// <summary>
/// OBR-3, the filler order number a correction matches on, within the field's 22 characters (v2.5.1):
/// the session id ^ sending application when both fit; the session id alone when it fits; otherwise
/// 22 characters derived from it (base64url of its SHA-256), the same on every message of the session.
/// The full session id is in OBR-20 either way.
/// </summary>
internal static class FillerOrder
{
    private const int MaxLength = 22;

    public static string Number(string sessionId) =>
        sessionId.Length <= MaxLength ? sessionId : Digest(sessionId);

    public static string? Namespace(string sessionId, string sendingApplication) =>
        sessionId.Length + 1 + sendingApplication.Length <= MaxLength ? sendingApplication : null;

    private static string Digest(string sessionId) =>
        Convert.ToBase64String(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(sessionId)))
            .Replace('+', '-').Replace('/', '_')[..MaxLength];
}
