using System.Globalization;
using System.Text;

namespace InfusionSuite.Web.Reports;

/// <summary>
/// The suite report as CSV (RFC 4180, UTF-8, CRLF): one figure per row — section, regimen, measure,
/// count, of, value, unit — so a spreadsheet can pivot it. A field that a spreadsheet would take for a
/// formula (= + - @ at the start) is prefixed with an apostrophe.
/// </summary>
internal static class SuiteReportCsv
{
    public const string Header = "section,regimen,measure,count,of,value,unit";

    public static string Write(SuiteReportView report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new StringBuilder().Append(Header).Append("\r\n");
        Row(csv, "range", string.Empty, "from", null, null, report.From, "date");
        Row(csv, "range", string.Empty, "to", null, null, report.To, "date");
        foreach (var o in report.Outcomes.Append(report.Overall))
        {
            Row(csv, "success", o.Regimen, "Dean <= 2 at follow-up", o.Successes, o.WithResult, Number(o.SuccessPercent), "%");
            Row(csv, "success", o.Regimen, "courses (follow-up due)", o.FollowUpDue, o.Courses, null, string.Empty);
            Row(csv, "adherence", o.Regimen, "sessions cooled / chemotherapy sessions given", o.SessionsCooled, o.ChemotherapySessionsGiven, Number(o.AdherencePercent), "%");
        }

        foreach (var d in report.Deviations)
        {
            Row(csv, "deviation", string.Empty, d.Code, d.Sessions, d.CooledSessions, Number(d.Percent), "%");
        }

        foreach (var t in report.Timing)
        {
            Row(csv, "timing", t.Regimen, "mean pre-cooling", null, t.Sessions, Number(t.MeanPreCoolingMinutes), "min");
            Row(csv, "timing", t.Regimen, "mean pre-cooling target", null, t.Sessions, Number(t.MeanPreCoolingTargetMinutes), "min");
            Row(csv, "timing", t.Regimen, "mean post-cooling", null, t.Sessions, Number(t.MeanPostCoolingMinutes), "min");
            Row(csv, "timing", t.Regimen, "mean post-cooling target", null, t.Sessions, Number(t.MeanPostCoolingTargetMinutes), "min");
            Row(csv, "chair", t.Regimen, "mean chair time", null, t.ChairSessions, Number(t.MeanChairMinutes), "min");
            Row(csv, "chair", t.Regimen, "median chair time", null, t.ChairSessions, Number(t.MedianChairMinutes), "min");
            Row(csv, "chair", t.Regimen, "median overrun", null, t.ChairSessions, Number(t.MedianOverrunMinutes), "min");
        }

        foreach (var r in report.References)
        {
            Row(csv, "reference", string.Empty, r.Label + " (" + r.Source + ")", null, null, r.Bound == "=" ? Number(r.Percent) : r.Bound + Number(r.Percent), "%");
        }

        return csv.ToString();
    }

    private static string? Number(double? value) => value?.ToString("0.0", CultureInfo.InvariantCulture);

    private static void Row(StringBuilder csv, string section, string regimen, string measure, int? count, int? of, string? value, string unit)
    {
        csv.Append(Field(section)).Append(',').Append(Field(regimen)).Append(',').Append(Field(measure)).Append(',')
            .Append(count?.ToString(CultureInfo.InvariantCulture)).Append(',').Append(of?.ToString(CultureInfo.InvariantCulture)).Append(',')
            .Append(Field(value ?? string.Empty)).Append(',').Append(Field(unit)).Append("\r\n");
    }

    private static string Field(string text)
    {
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' && !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            text = "'" + text;
        }

        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
