using System.Globalization;
using InfusionSuite.Application.Courses;
using InfusionSuite.Domain.Courses;

namespace InfusionSuite.Web.Courses;

/// <summary>The latest course entries of every course (chemotherapy given, not cooled; outcome assessments and their corrections), newest first, for the audit.</summary>
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
        var changed = files.SelectMany(f => f.AssessmentChanges.Select(c => new CourseAuditView(
            f.Facts.CourseId,
            c.Kind == AssessmentChangeKind.EnteredInError ? "Assessment entered in error" : "Assessment corrected",
            Name(c.ChangedBy),
            c.ChangedAt,
            c.AssessedAt ?? f.Assessments.First(a => a.AssessmentId == c.AssessmentId).AssessedAt,
            (c.Kind == AssessmentChangeKind.EnteredInError ? string.Empty : Findings(c.Dean, c.CtcaeAlopeciaGrade, c.StoppedCooling, c.StoppedCoolingReason) + "; ")
                + "reason: " + c.Reason + " (assessment " + c.AssessmentId + ")")));
        return [.. notCooled.Concat(assessed).Concat(changed).OrderByDescending(e => e.EnteredAt).Take(take)];
    }

    private static string Findings(OutcomeAssessment a) => Findings(a.Dean, a.CtcaeAlopeciaGrade, a.StoppedCooling, a.StoppedCoolingReason);

    private static string Findings(int? dean, int? ctcaeGrade, bool stoppedCooling, string? stoppedReason)
    {
        var parts = new List<string>();
        if (dean is { } score)
        {
            parts.Add("Dean " + CourseText.Dean(score));
        }

        if (ctcaeGrade is { } grade)
        {
            parts.Add("CTCAE alopecia " + grade.ToString(CultureInfo.InvariantCulture));
        }

        if (stoppedCooling)
        {
            parts.Add("stopped cooling: " + stoppedReason);
        }

        return string.Join("; ", parts);
    }
}
