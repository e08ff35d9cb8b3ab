namespace InfusionSuite.Web.Courses;

/// <summary>
/// One outcome item sent (or waiting) to the EHR: FHIR or HL7 v2, its status, when queued and when sent.
/// <paramref name="ReceiverConfigured"/> false: no EHR is configured for its channel, so it is kept (for export), not waiting.
/// </summary>
public sealed record OutcomeDeliveryView(string Channel, string Status, DateTimeOffset EnqueuedAt, DateTimeOffset? SentAt, string? ParkedReason, bool ReceiverConfigured = true)
{
    /// <summary>The status as the course page says it.</summary>
    public string StatusText => Status == "Pending" && !ReceiverConfigured ? "Not sent: no EHR configured (kept for export)" : Status;
}
