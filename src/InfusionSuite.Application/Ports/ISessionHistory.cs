namespace InfusionSuite.Application.Ports;

/// <summary>Read side for a session's detail page: the nurse audit as stored (read-only, any thread).</summary>
public interface ISessionHistory
{
    Task<IReadOnlyList<NurseAuditEntry>> AuditAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>How many samples are stored for the session.</summary>
    Task<int> SampleCountAsync(string sessionId, CancellationToken cancellationToken);
}
