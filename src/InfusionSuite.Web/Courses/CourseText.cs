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
}
