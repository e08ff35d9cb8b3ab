namespace InfusionSuite.Hl7.Tests;

/// <summary>Reads an encoded message back the simple way, for assertions: segments by CR, fields by |, components by ^.</summary>
internal static class Hl7Text
{
    public static string[] SegmentsOf(string message) => message.Split('\r', StringSplitOptions.RemoveEmptyEntries);

    public static string[] Segment(string message, string id) => SegmentsOf(message).Single(s => s.StartsWith(id + "|", StringComparison.Ordinal)).Split('|');

    public static IEnumerable<string[]> All(string message, string id) =>
        SegmentsOf(message).Where(s => s.StartsWith(id + "|", StringComparison.Ordinal)).Select(s => s.Split('|'));

    /// <summary>Field n of a segment (for MSH, n as numbered by HL7: MSH-1 is the separator).</summary>
    public static string Field(string[] segment, int n) => segment[0] == "MSH" ? (n == 1 ? "|" : At(segment, n - 1)) : At(segment, n);

    private static string At(string[] segment, int index) => index < segment.Length ? segment[index] : string.Empty;
}
