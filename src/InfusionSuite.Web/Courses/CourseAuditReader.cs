using System.Globalization;
using InfusionSuite.Application.Courses;

namespace InfusionSuite.Web.Courses;

/// <summary>The latest course entries of every course (chemotherapy given, not cooled; outcome assessments), newest first, for the audit.</summary>
internal sealed class CourseAuditReader(CourseQueries queries)
{
    public async Task<IReadOnlyList<CourseAuditView>> ReadAsync(int take, IReadOnlyDictionary<string, string> names, CancellationToken cancellationToken)
    {
        string Name(string id) => names.TryGetValue(id, out var name) ? name : id;
        var files = await queries.FilesAsync(cancellationToken);
        var notCooled = files.SelectMany(f => f.NotCooled.Select(n => new CourseAuditView(
            f.Facts.CourseId, "Given, not cooled", Name(n.DocumentedBy), n.DocumentedAt, n.GivenAt,
            CourseText.Reason(n.Reason.ToString()) + (n.ReasonText is { } text ? ": " + text : string.Empty))));
        var assessed = files.SelectMany(f => f.Assessments.Select(a => new CourseAuditView(
            f.Facts.CourseId, "Outcome assessment", Name(a.AssessedBy), a.DocumentedAt, a.AssessedAt, Findings(a))));
        return [.. notCooled.Concat(assessed).OrderByDescending(e => e.EnteredAt).Take(take)];
    }

    private static string Findings(Domain.Courses.OutcomeAssessment a)
    {
        var parts = new List<string>();
        if (a.Dean is { } dean)
        {
            parts.Add("Dean " + CourseText.Dean(dean));
        }

        if (a.CtcaeAlopeciaGrade is { } grade)
        {
            parts.Add("CTCAE alopecia " + grade.ToString(CultureInfo.InvariantCulture));
        }

        if (a.StoppedCooling)
        {
            parts.Add("stopped cooling: " + a.StoppedCoolingReason);
        }

        return string.Join("; ", parts);
    }
}
