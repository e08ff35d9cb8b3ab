using InfusionSuite.Application.Configuration;
using InfusionSuite.Domain.Courses;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Application.Courses;

/// <summary>What the course page, the suite report and the chair-planning API read; "now" from the <see cref="TimeProvider"/>.</summary>
public sealed class CourseQueries(ICourseRecords records, CourseSummaries summaries, IOptions<SessionOptions> sessions, TimeProvider time)
{
    /// <summary>The course and its summary; null when unknown.</summary>
    public async Task<CourseView?> CourseAsync(string courseId, CancellationToken cancellationToken)
    {
        var file = await records.LoadAsync(courseId, cancellationToken);
        return file is null ? null : new CourseView(file.Facts, summaries.Summarize(file, time.GetUtcNow()))
        {
            EnteredInError = AssessmentChange.EnteredInError(file.Assessments, file.AssessmentChanges),
        };
    }

    /// <summary>Every stored course with its summary as of now (the course list), the latest dose first.</summary>
    public async Task<IReadOnlyList<CourseView>> ListAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var files = await records.AllAsync(null, cancellationToken);
        return [.. files
            .Select(f => new CourseView(f.Facts, summaries.Summarize(f, now)))
            .OrderByDescending(c => c.Summary.LastDoseAt ?? DateTimeOffset.MinValue)
            .ThenBy(c => c.Facts.CourseId, StringComparer.Ordinal)];
    }

    /// <summary>Every stored course as documented (no replay): for the audit of course entries.</summary>
    public Task<IReadOnlyList<CourseFile>> FilesAsync(CancellationToken cancellationToken) => records.AllAsync(null, cancellationToken);

    /// <summary>The suite report over [<paramref name="from"/>, <paramref name="to"/>) (either end open when null).</summary>
    public async Task<SuiteReport> ReportAsync(DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var files = await records.AllAsync(to, cancellationToken);
        return SuiteReport.Build(files.Select(f => summaries.Summarize(f, now)), from, to, summaries.Policy);
    }

    /// <summary>The chair time for a visit of <paramref name="regimen"/> (a preset's name); null when no preset has that name.</summary>
    public async Task<ChairPlan?> PlanAsync(string regimen, TimeSpan infusion, CancellationToken cancellationToken)
    {
        var preset = sessions.Value.ToPolicy().Presets.FirstOrDefault(p => string.Equals(p.Name, regimen, StringComparison.Ordinal));
        if (preset is null)
        {
            return null;
        }

        var files = await records.AllAsync(null, cancellationToken);
        var lines = files
            .Where(f => string.Equals(f.Facts.Regimen, preset.Name, StringComparison.Ordinal))
            .SelectMany(f => CourseSummaries.Course(f).Sessions.Select(Domain.Courses.CourseSessionLine.From));
        return ChairPlanning.Plan(preset, infusion, lines, summaries.Policy);
    }

    /// <summary>The names of the regimen presets offered (for forms and the planning API's error).</summary>
    public IReadOnlyList<string> PresetNames => [.. sessions.Value.ToPolicy().Presets.Select(p => p.Name)];
}
