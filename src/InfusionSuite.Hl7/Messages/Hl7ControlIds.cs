using System.Security.Cryptography;

namespace InfusionSuite.Hl7.Messages;

/// <summary>MSH-10 control ids: 20 random hex characters (the field's length in v2.5.1), unique per message.</summary>
internal static class Hl7ControlIds
{
    public static string New() => Convert.ToHexString(RandomNumberGenerator.GetBytes(10));
}
