using InfusionSuite.Application.Outbox;

namespace InfusionSuite.Application.Ports;

/// <summary>
/// What a <see cref="ISessionEndParticipant"/> may read, inside the batch transaction that stores the
/// session's end (it sees that transaction's writes, including the items written for earlier
/// sessions of the same batch).
/// </summary>
public interface ISessionEndReads : IPatientCourses
{
    /// <summary>Whether an outbox item of <paramref name="kind"/> was already written for the session.</summary>
    Task<bool> HasOutboxItemAsync(string sessionId, OutboxItemKind kind, CancellationToken cancellationToken);

    /// <summary>
    /// The outbox items of <paramref name="contentType"/> already written for the session, oldest first
    /// (what a channel reported before, e.g. the charges a correction must reverse).
    /// </summary>
    Task<IReadOnlyList<OutboxItem>> OutboxItemsAsync(string sessionId, string contentType, CancellationToken cancellationToken);

    /// <summary>The Practitioner in the staff member's profile (a reference or an NPI), null when none is set.</summary>
    Task<string?> PractitionerIdAsync(string userId, CancellationToken cancellationToken);

    /// <summary>
    /// The patient's name as entered at the session's start (PHI: never logged), else the name on file
    /// for its patient; null when there is none. Sees a start written earlier in the same batch.
    /// </summary>
    Task<string?> PatientNameAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>
    /// The site the chair's controller speaks from, as stored when its messages arrived (a shared database keeps it for
    /// every worker); null where none is kept (one suite, one writer) or the controller was never heard over a site.
    /// </summary>
    Task<string?> ControllerSiteAsync(string controllerId, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
