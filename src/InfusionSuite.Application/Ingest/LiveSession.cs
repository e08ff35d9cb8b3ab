using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Application.Ingest;

/// <summary>A session held in memory by the writer: the domain fold and the status last stored.</summary>
internal sealed class LiveSession(string sessionId, string controllerId, ScalpCoolingSession session)
{
    public string SessionId => sessionId;

    public string ControllerId => controllerId;

    public ScalpCoolingSession Session => session;

    /// <summary>The status as of the last stored batch (to see changes).</summary>
    public SessionStatus? StoredStatus { get; set; }

    /// <summary>The status before this batch changed it (for the notification).</summary>
    public SessionStatus? StatusBeforeBatch { get; set; }

    public bool StatusChanged { get; set; }

    public bool Ended => StoredStatus is SessionStatus.Completed or SessionStatus.Aborted or SessionStatus.Voided;
}
