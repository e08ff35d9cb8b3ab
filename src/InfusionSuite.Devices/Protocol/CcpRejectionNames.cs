namespace InfusionSuite.Devices.Protocol;

/// <summary>The names of rejection reasons as they appear in metrics (the <c>reason</c> tag).</summary>
public static class CcpRejectionNames
{
    private static readonly string[] s_names =
    [
        "none", "too_long", "bad_checksum", "unknown_type", "field_count", "field_form", "out_of_range",
        "not_json", "missing_member", "oversize", "truncated", "noise", "no_hello", "wrong_direction", "bad_topic",
    ];

    /// <summary>Every reason, <see cref="CcpRejection.None"/> excluded.</summary>
    public static IReadOnlyList<CcpRejection> All { get; } =
        [.. Enum.GetValues<CcpRejection>().Where(r => r != CcpRejection.None)];

    /// <summary>The metric tag value: <c>bad_checksum</c> and so on.</summary>
    public static string Of(CcpRejection reason) => s_names[(int)reason];
}
