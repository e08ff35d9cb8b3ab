using System.Globalization;

namespace InfusionSuite.Web.Courses;

/// <summary>How the course and report pages write figures.</summary>
internal static class CourseText
{
    public static string Minutes(int? minutes) => minutes is { } m ? m.ToString(CultureInfo.InvariantCulture) + " min" : "—";

    public static string Against(int? minutes, int target) => Minutes(minutes) + " / " + target.ToString(CultureInfo.InvariantCulture);

    public static string Hours(int minutes) => string.Create(CultureInfo.InvariantCulture, $"{minutes / 60} h {minutes % 60:00} min");

    public static string Percent(double? percent) => percent is { } p ? p.ToString("0.0", CultureInfo.InvariantCulture) + " %" : "—";

    public static string Number(double? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "—";

    public static string Result(string result) => result switch
    {
        "Success" => "Success: Dean ≤ 2 at the follow-up",
        "NotSuccess" => "Not a success: Dean above 2 at the follow-up",
        "FollowUpDue" => "Follow-up due: record a Dean score",
        _ => "In progress",
    };

    public static string Reason(string reason) => reason switch
    {
        "PatientDeclined" => "Patient declined",
        "NoChairOrDevice" => "No chair or device",
        _ => "Other",
    };

    public static string Dean(int? dean) => dean switch
    {
        0 => "0 (no hair loss)",
        1 => "1 (≤ 25 %)",
        2 => "2 (> 25–50 %)",
        3 => "3 (> 50–75 %)",
        4 => "4 (> 75 %)",
        _ => "—",
    };

    /// <summary>The regimen as staff read it: a session started with its own targets (no preset) is stored as <c>custom</c>.</summary>
    public static string Regimen(string regimen) =>
        string.Equals(regimen, "custom", StringComparison.Ordinal) ? "Own targets (no preset)" : regimen;

    /// <summary>A deviation's code (e.g. <c>SHORT_PRECOOL</c>) in words.</summary>
    public static string Deviation(string code) => code switch
    {
        "SHORT_PRECOOL" => "Short pre-cooling",
        "PRECOOL_NOT_AT_TEMPERATURE" => "Pre-cooling not at temperature",
        "INTERRUPTED" => "Cooling interrupted",
        "SHORT_POSTCOOL" => "Short post-cooling",
        "ABORTED" => "Stopped early",
        "OVERCOOL" => "Too cold (overcooling)",
        "DEVICE_FAULT" => "Device fault",
        _ => code,
    };
}
