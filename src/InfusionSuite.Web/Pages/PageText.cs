using System.Globalization;

namespace InfusionSuite.Web.Pages;

/// <summary>How the pages write values: times in the site's time zone to the second.</summary>
internal static class PageText
{
    public static string Time(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
