using System.Globalization;

namespace InfusionSuite.Web.Pages;

/// <summary>How the pages write values: times in UTC to the second.</summary>
internal static class PageText
{
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
