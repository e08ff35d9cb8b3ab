namespace InfusionSuite.Application.Ports;

/// <summary>Read-only queries for the nurse station: sessions, courses, samples, controllers and the whole audit.</summary>
public interface ISessionDirectory
{
    /// <summary>Sessions started, or documented by a nurse (a start entered late), at or after <paramref name="since"/>; newest start first.</summary>
    Task<IReadOnlyList<SessionListing>> RecentAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken);

    /// <summary>Every session of the patient (for the billing evaluation), oldest first.</summary>
    Task<IReadOnlyList<SessionListing>> OfPatientAsync(string patientReference, CancellationToken cancellationToken);

    Task<CourseFacts?> CourseAsync(string courseId, CancellationToken cancellationToken);

    /// <summary>The session's stored samples in ingest order.</summary>
    Task<IReadOnlyList<SessionSample>> SamplesAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>Every controller ever heard from.</summary>
    Task<IReadOnlyList<ControllerListing>> ControllersAsync(CancellationToken cancellationToken);

    /// <summary>The latest nurse audit rows over all sessions, newest first.</summary>
    Task<IReadOnlyList<NurseAuditEntry>> AuditAsync(int limit, CancellationToken cancellationToken);
}
