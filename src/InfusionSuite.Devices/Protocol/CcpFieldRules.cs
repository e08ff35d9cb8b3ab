using System.Buffers;

namespace InfusionSuite.Devices.Protocol;

/// <summary>The forms of CCP/1 text fields, checked on ASCII bytes.</summary>
internal static class CcpFieldRules
{
    public const int MaxControllerIdLength = 32;
    public const int MaxSiteLength = 32;
    public const int MaxLabelLength = 32;
    public const int MaxFaultCodeLength = 16;

    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Lower = "abcdefghijklmnopqrstuvwxyz";
    private const string Digits = "0123456789";

    private static readonly SearchValues<byte> s_controllerId = SearchValues.Create(Ascii(Upper + Lower + Digits + "-_"));
    private static readonly SearchValues<char> s_controllerIdChars = SearchValues.Create(Upper + Lower + Digits + "-_");
    private static readonly SearchValues<char> s_site = SearchValues.Create(Lower + Digits + "-");
    private static readonly SearchValues<byte> s_faultCode = SearchValues.Create(Ascii(Upper + Digits + "_"));
    private static readonly SearchValues<byte> s_label = SearchValues.Create(
        Ascii(string.Concat(Enumerable.Range(0x20, 0x7F - 0x20).Select(c => (char)c).Where(c => c is not (',' or '*' or '$')))));

    /// <summary>1–32 of <c>A-Z a-z 0-9 - _</c>.</summary>
    public static bool IsControllerId(ReadOnlySpan<byte> value) => Is(value, MaxControllerIdLength, s_controllerId);

    /// <summary>1–32 of <c>A-Z a-z 0-9 - _</c>.</summary>
    public static bool IsControllerId(ReadOnlySpan<char> value) =>
        value.Length is > 0 and <= MaxControllerIdLength && !value.ContainsAnyExcept(s_controllerIdChars);

    /// <summary>1–32 of <c>a-z 0-9 -</c>.</summary>
    public static bool IsSite(ReadOnlySpan<char> value) =>
        value.Length is > 0 and <= MaxSiteLength && !value.ContainsAnyExcept(s_site);

    /// <summary>A vendor fault code: 1–16 of <c>A-Z 0-9 _</c>.</summary>
    public static bool IsFaultCode(ReadOnlySpan<byte> value) => Is(value, MaxFaultCodeLength, s_faultCode);

    /// <summary>A model or firmware label: 1–32 printable ASCII (space included) except <c>, * $</c>.</summary>
    public static bool IsLabel(ReadOnlySpan<byte> value) => Is(value, MaxLabelLength, s_label);

    /// <summary>A cap size as sent with CALIBRATED: <c>XS S M L XL</c>.</summary>
    public static bool IsCapSize(ReadOnlySpan<byte> value) =>
        value.SequenceEqual("XS"u8) || value.SequenceEqual("S"u8) || value.SequenceEqual("M"u8)
        || value.SequenceEqual("L"u8) || value.SequenceEqual("XL"u8);

    public static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';

    private static bool Is(ReadOnlySpan<byte> value, int maxLength, SearchValues<byte> allowed) =>
        value.Length > 0 && value.Length <= maxLength && !value.ContainsAnyExcept(allowed);

    private static byte[] Ascii(string chars) => System.Text.Encoding.ASCII.GetBytes(chars);
}
