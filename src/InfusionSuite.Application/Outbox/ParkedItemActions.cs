using InfusionSuite.Application.Staff;

namespace InfusionSuite.Application.Outbox;

/// <summary>
/// The staff actions on a parked outbox item (a refused FHIR Bundle or HL7 message), the same from
/// the REST API, the session page and the command line: retry it now, or record that it was handled
/// outside InfusionSuite. Each is audited with who did it, the item and the note.
/// </summary>
public sealed class ParkedItemActions(IOutboxStaffActions store, TimeProvider time)
{
    public const string RetryAction = "outbox-retry";
    public const string HandledOutsideAction = "outbox-handled-outside";

    /// <summary>False when the item is not parked (or has no payload to send).</summary>
    public Task<bool> RetryAsync(Guid itemId, string actor, string? note, CancellationToken cancellationToken)
    {
        return store.RetryAsync(itemId, Audit(time.GetUtcNow(), actor, RetryAction, itemId, note), cancellationToken);
    }

    /// <summary>False when the item is not parked.</summary>
    public Task<bool> MarkHandledOutsideAsync(Guid itemId, string actor, string? note, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return store.MarkHandledOutsideAsync(itemId, Audit(now, actor, HandledOutsideAction, itemId, note), cancellationToken);
    }

    private static StaffAuditEntry Audit(DateTimeOffset at, string actor, string action, Guid itemId, string? note)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        return new StaffAuditEntry(at, actor, action, "outbox item " + itemId.ToString("D"), string.IsNullOrWhiteSpace(note) ? string.Empty : note.Trim());
    }
}
