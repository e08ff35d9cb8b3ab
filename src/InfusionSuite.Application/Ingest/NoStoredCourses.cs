using InfusionSuite.Application.Ports;

namespace InfusionSuite.Application.Ingest;

/// <summary>The course lookup of a writer without storage that knows courses (every unnamed course is a new one).</summary>
internal sealed class NoStoredCourses : ICourseLookup
{
    public Task<string?> LatestCourseAsync(string patientReference, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    public Task<string?> PatientOfCourseAsync(string courseId, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
