namespace InfusionSuite.Application.Ports;

/// <summary>Read side for a session's detail page: the nurse audit as stored (read-only, any thread).</summary>
public interface ISessionHistory
{
    Task<IReadOnlyList<NurseAuditEntry>> AuditAsync(string sessionId, CancellationToken cancellationToken);
}
