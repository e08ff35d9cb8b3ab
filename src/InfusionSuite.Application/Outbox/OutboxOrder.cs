namespace InfusionSuite.Application.Outbox;

/// <summary>
/// The order rule of every outbox channel: a session's (or a course's) items reach the receiver in the order they were
/// made, and an older item never goes after a newer one has (it would overwrite it there: a retried correction undoing a
/// void, a charge posted again after its credit). <see cref="OutboxDispatcher"/> keeps it; an older item found overtaken
/// is parked with <see cref="OvertakenReason"/> and can no longer be retried, only marked handled outside.
/// </summary>
public static class OutboxOrder
{
    /// <summary>How the reason of an overtaken item begins.</summary>
    public const string OvertakenPrefix = "Not sent: a newer item of this session";

    public static string OvertakenReason(OutboxItem newer)
    {
        ArgumentNullException.ThrowIfNull(newer);
        return $"{OvertakenPrefix} ({newer.Kind}, {newer.Id:D}) has already gone to the receiver (or was handled outside), and this older one would overwrite it there. Mark this one handled outside InfusionSuite.";
    }

    /// <summary>Parked because a newer item of its session went first: a retry is refused.</summary>
    public static bool IsOvertaken(OutboxItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Status == OutboxStatus.Parked && item.ParkedReason?.StartsWith(OvertakenPrefix, StringComparison.Ordinal) == true;
    }
}
