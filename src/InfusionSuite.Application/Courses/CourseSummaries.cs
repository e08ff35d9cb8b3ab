using InfusionSuite.Domain.Courses;
using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Application.Courses;

/// <summary>Stored courses as summaries: each session replayed from its log, in the course it is stored in now.</summary>
public sealed class CourseSummaries(CoursePolicy policy)
{
    public CoursePolicy Policy => policy;

    /// <summary>
    /// The course's sessions replayed (oldest first), each in this course (a moved session keeps its log); a session voided
    /// as the wrong patient's is left out: it is no patient's (<see cref="ScalpCoolingSessionRecord.InPatientsCourse"/>).
    /// </summary>
    public static ScalpCoolingCourse Course(CourseFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var records = file.Sessions.Select(s =>
        {
            var record = ScalpCoolingSession.Replay(s.Policy, s.Log);
            return string.Equals(record.Plan.CourseId, file.Facts.CourseId, StringComparison.Ordinal)
                ? record
                : record with { Plan = record.Plan with { CourseId = file.Facts.CourseId } };
        }).Where(record => record.InPatientsCourse);
        return ScalpCoolingCourse.Create(file.Facts.CourseId, file.Facts.PatientReference, file.Facts.Regimen, file.Facts.CapMeasuredAndCalibrated, records);
    }

    /// <summary>The summary of <paramref name="file"/> as of <paramref name="now"/>.</summary>
    public CourseSummary Summarize(CourseFile file, DateTimeOffset now) => Summarize(Course(file), file, now);

    /// <summary>The summary of an already replayed course (its assessments as corrected, those entered in error left out).</summary>
    public CourseSummary Summarize(ScalpCoolingCourse course, CourseFile file, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(file);
        return CourseSummary.Create(course, file.NotCooled, file.CurrentAssessments, policy, now);
    }
}
