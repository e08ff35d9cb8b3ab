using System.Globalization;
using InfusionSuite.Application.Nursing;

namespace InfusionSuite.Web.Reports;

/// <summary>
/// A report's date range from the query (<c>from</c>, <c>to</c>: site-local dates <c>yyyy-MM-dd</c>, both
/// inclusive) as instants: from the site's midnight starting <c>from</c> to the one ending <c>to</c>.
/// </summary>
internal sealed record ReportRange(DateOnly? From, DateOnly? To, DateTimeOffset? Start, DateTimeOffset? End)
{
    public static (ReportRange? Range, IReadOnlyList<FieldError> Errors) Parse(string? from, string? to, TimeZoneInfo zone)
    {
        var errors = new List<FieldError>();
        var start = Date(from, "from", errors);
        var end = Date(to, "to", errors);
        if (start is { } s && end is { } e && e < s)
        {
            errors.Add(new("to", "The range ends before it starts."));
        }

        return errors.Count > 0
            ? (null, errors)
            : (new ReportRange(start, end, start is { } a ? Midnight(a, zone) : null, end is { } b ? Midnight(b.AddDays(1), zone) : null), errors);
    }

    public string? FromText => From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public string? ToText => To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? Date(string? text, string field, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(new(field, "Give the date as yyyy-MM-dd."));
        return null;
    }

    private static DateTimeOffset Midnight(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
