namespace InfusionSuite.Web.Courses;

/// <summary>
/// Course ids in paths: an EHR plan id may hold a '/', which a client sends as %2F and routing leaves
/// encoded in the route value; it is decoded here, and encoded in every link.
/// </summary>
internal static class CourseIds
{
    public static string FromRoute(string value) => value.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);

    public static string Path(string courseId) => "/courses/" + Uri.EscapeDataString(courseId);
}
