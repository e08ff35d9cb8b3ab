using System.Text;
using InfusionSuite.Devices.Protocol;

namespace InfusionSuite.Devices.Tests;

/// <summary>Builds serial lines by hand, with a correct checksum unless told otherwise.</summary>
internal static class Lines
{
    /// <summary><c>$body*CS\r\n</c> with the real checksum of <paramref name="body"/>.</summary>
    public static string Line(string body) =>
        $"${body}*{CcpChecksum.Compute(Encoding.Latin1.GetBytes(body)):X2}\r\n";

    public static byte[] Bytes(string text) => Encoding.Latin1.GetBytes(text);

    public static string Telemetry(
        string id = "CHAIR-07", string seq = "1042", string ts = "2026-11-27T09:14:03.250Z", string state = "COOLING",
        string coolant = "-3.8", string scalp = "17.6", string flow = "620", string cap = "1", string alarms = "0000") =>
        Line($"CCT,{id},{seq},{ts},{state},{coolant},{scalp},{flow},{cap},{alarms}");

    public static string Event(string kind, string detail = "", string seq = "7", string id = "CHAIR-07") =>
        Line($"CCE,{id},{seq},2026-11-27T08:40:00.000Z,{kind},{detail}");

    public static string Hello(string boot = "9f3a61c2", string id = "CHAIR-07", string model = "SIM-1", string firmware = "1.0.0", string protocol = "1") =>
        Line($"CCH,{id},{boot},{model},{firmware},{protocol}");

    public static string Latin1(byte[] bytes) => Encoding.Latin1.GetString(bytes).ReplaceLineEndings("\\n");
}
