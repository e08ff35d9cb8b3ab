using System.Globalization;

namespace InfusionSuite.Hl7.Encoding;

/// <summary>HL7 v2 dates and times: <c>YYYYMMDDHHMMSS±ZZZZ</c> in the site's local time with its offset, and <c>YYYYMMDD</c> dates.</summary>
public static class Hl7Timestamps
{
    /// <summary>The instant in the site's time zone, with that zone's offset at that instant.</summary>
    public static string Instant(DateTimeOffset instant, TimeZoneInfo siteTimeZone)
    {
        ArgumentNullException.ThrowIfNull(siteTimeZone);
        var local = TimeZoneInfo.ConvertTime(instant, siteTimeZone);
        var offset = local.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var magnitude = offset.Duration();
        return string.Create(CultureInfo.InvariantCulture, $"{local:yyyyMMddHHmmss}{sign}{magnitude.Hours:00}{magnitude.Minutes:00}");
    }

    public static string Date(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
