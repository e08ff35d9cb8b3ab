using InfusionSuite.Application.Courses;
using InfusionSuite.Application.Ports;
using InfusionSuite.Web.Board;

namespace InfusionSuite.Web.Courses;

/// <summary>The course list: every course with its patient's name, regimen, adherence, last dose and result; optionally one result only.</summary>
internal sealed class CourseListReader(CourseQueries queries, IPatientNames patients)
{
    public async Task<IReadOnlyList<CourseListItem>> ReadAsync(string? result, CancellationToken cancellationToken)
    {
        var courses = (await queries.ListAsync(cancellationToken))
            .Where(c => string.IsNullOrEmpty(result) || string.Equals(c.Summary.Result.ToString(), result, StringComparison.Ordinal))
            .ToList();
        var names = await patients.FindAsync([.. courses.Select(c => c.Facts.PatientReference).Distinct(StringComparer.Ordinal)], cancellationToken);
        return [.. courses.Select(c => new CourseListItem(
            c.Facts.CourseId,
            new PatientView(c.Facts.PatientReference, names.TryGetValue(c.Facts.PatientReference, out var name) ? name : null),
            c.Summary.Regimen,
            c.Summary.SessionsCooled,
            c.Summary.ChemotherapySessionsGiven,
            c.Summary.LastDoseAt,
            c.Summary.FollowUpDueFrom,
            c.Summary.Result.ToString()))];
    }
}
