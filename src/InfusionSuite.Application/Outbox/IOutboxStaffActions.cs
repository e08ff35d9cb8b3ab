using InfusionSuite.Application.Staff;

namespace InfusionSuite.Application.Outbox;

/// <summary>
/// What staff may do with a parked outbox item, each change written with its row of the staff audit
/// in one transaction (storage implements it). Both answer false, and change nothing, when the item
/// is not parked.
/// </summary>
public interface IOutboxStaffActions
{
    /// <summary>
    /// Pending again and due at once (whatever the caller's clock says: the item's own enqueue instant), the
    /// reason cleared; false too when it has no payload (sending it again would not help).
    /// </summary>
    Task<bool> RetryAsync(Guid itemId, StaffAuditEntry audit, CancellationToken cancellationToken);

    /// <summary>Dealt with outside InfusionSuite: never attempted again, and later items of the session no longer wait for it.</summary>
    Task<bool> MarkHandledOutsideAsync(Guid itemId, StaffAuditEntry audit, CancellationToken cancellationToken);
}
