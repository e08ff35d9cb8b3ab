using InfusionSuite.Application.Staff;

namespace InfusionSuite.Application.Outbox;

/// <summary>
/// The staff actions on a parked outbox item (a refused FHIR Bundle or HL7 message), the same from
/// the REST API, the session page and the command line: retry it now, or record that it was handled
/// outside InfusionSuite. Each is audited with who did it, the item and the note.
/// </summary>
public sealed class ParkedItemActions(IOutboxStaffActions store, IOutbox outbox, TimeProvider time)
{
    public const string RetryAction = "outbox-retry";
    public const string HandledOutsideAction = "outbox-handled-outside";

    /// <summary>False when the item is not parked, has no payload to send, or was overtaken by a newer item of its session (<see cref="RetryRefusedAsync"/>).</summary>
    public async Task<bool> RetryAsync(Guid itemId, string actor, string? note, CancellationToken cancellationToken)
    {
        return await RetryRefusedAsync(itemId, cancellationToken) is null
            && await store.RetryAsync(itemId, Audit(time.GetUtcNow(), actor, RetryAction, itemId, note), cancellationToken);
    }

    /// <summary>Why a retry of the parked item is refused (a newer item of its session went first, <see cref="OutboxOrder"/>); null when it may be retried.</summary>
    public async Task<string?> RetryRefusedAsync(Guid itemId, CancellationToken cancellationToken)
    {
        var parked = await outbox.ListAsync(new OutboxQuery(OutboxStatus.Parked, Limit: 10_000), cancellationToken);
        return parked.FirstOrDefault(i => i.Id == itemId) is { } item && OutboxOrder.IsOvertaken(item) ? item.ParkedReason : null;
    }

    /// <summary>Why "handled outside" needs a note: the record says what was done instead, for whoever looks later.</summary>
    public const string NoteRequired = "Say what was done outside InfusionSuite (e.g. \"keyed into the EHR by hand\"): a note is required.";

    /// <summary>False when the item is not parked. The <paramref name="note"/> (what was done instead) is required, from every entry point.</summary>
    public Task<bool> MarkHandledOutsideAsync(Guid itemId, string actor, string? note, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(note))
        {
            throw new ArgumentException(NoteRequired, nameof(note));
        }

        var now = time.GetUtcNow();
        return store.MarkHandledOutsideAsync(itemId, Audit(now, actor, HandledOutsideAction, itemId, note), cancellationToken);
    }

    private static StaffAuditEntry Audit(DateTimeOffset at, string actor, string action, Guid itemId, string? note)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        return new StaffAuditEntry(at, actor, action, "outbox item " + itemId.ToString("D"), string.IsNullOrWhiteSpace(note) ? string.Empty : note.Trim());
    }
}
