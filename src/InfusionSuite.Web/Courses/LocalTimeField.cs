using System.Globalization;
using InfusionSuite.Application.Nursing;

namespace InfusionSuite.Web.Courses;

/// <summary>A form's <c>datetime-local</c> value (site-local, <c>yyyy-MM-ddTHH:mm</c>) as an instant; empty means now (null).</summary>
internal static class LocalTimeField
{
    public static DateTimeOffset? Parse(string? text, TimeZoneInfo zone, string field, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        string[] formats = ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"];
        if (!DateTime.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            errors.Add(new(field, "Give the time as date and time of day (site time)."));
            return null;
        }

        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>The value for a <c>datetime-local</c> input showing <paramref name="at"/> on the site's clock.</summary>
    public static string Format(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
}
