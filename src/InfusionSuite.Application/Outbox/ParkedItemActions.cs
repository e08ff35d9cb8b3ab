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
        return await ParkedAsync(itemId, cancellationToken) is { } item && OutboxOrder.IsOvertaken(item) ? item.ParkedReason : null;
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

    /// <summary>
    /// Handled outside, and the part the item stopped at is at the receiver under <paramref name="receiverId"/> (staff found it after its
    /// create's answer was lost, or keyed it in by hand): that part counts as delivered with that id, and the rest of the item (charges,
    /// Observations) goes on at once; later items of the session refer to it by that id. Without an id, as <see cref="MarkHandledOutsideAsync(Guid, string, string?, CancellationToken)"/>.
    /// False when the item is not parked; an <see cref="ArgumentException"/> with words for staff when the id does not fit the item.
    /// </summary>
    public async Task<bool> MarkHandledOutsideAsync(Guid itemId, string actor, string? note, string? receiverId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(receiverId))
        {
            return await MarkHandledOutsideAsync(itemId, actor, note, cancellationToken);
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            throw new ArgumentException(NoteRequired, nameof(note));
        }

        if (await ParkedAsync(itemId, cancellationToken) is not { } item)
        {
            return false;
        }

        if (Refused(item, receiverId, out var key, out var reference) is { } problem)
        {
            throw new ArgumentException(problem, nameof(receiverId));
        }

        var now = time.GetUtcNow();
        var given = new OutboxAttempt(item.Attempts.Count + 1, now, now, OutboxAttemptOutcome.GivenByStaff, null, $"{key} → {reference} (given by staff: {note.Trim()})")
        {
            Resources = [new ReceiverResource(key, reference, ReceiverResource.GivenByStaff) { Reason = note.Trim() }],
        };
        await outbox.RecordAttemptAsync(itemId, given, cancellationToken);
        return await store.RetryAsync(itemId, Audit(now, actor, HandledOutsideAction, itemId, $"{key} is at the receiver as {reference}; the rest of the item goes on. {note.Trim()}"), cancellationToken);
    }

    /// <summary>Why <paramref name="receiverId"/> cannot be given for the parked item (<see cref="ReceiverIds"/>), in words for staff; null when it can (or the item is not parked: the action then answers false).</summary>
    public async Task<string?> ReceiverIdRefusedAsync(Guid itemId, string receiverId, CancellationToken cancellationToken) =>
        await ParkedAsync(itemId, cancellationToken) is { } item ? Refused(item, receiverId, out _, out _) : null;

    private static string? Refused(OutboxItem item, string receiverId, out string key, out string reference)
    {
        key = reference = string.Empty;
        return OutboxOrder.IsOvertaken(item) ? item.ParkedReason : ReceiverIds.Match(item, receiverId, out key, out reference);
    }

    private async Task<OutboxItem?> ParkedAsync(Guid itemId, CancellationToken cancellationToken) =>
        (await outbox.ListAsync(new OutboxQuery(OutboxStatus.Parked, Limit: 10_000), cancellationToken)).FirstOrDefault(i => i.Id == itemId);

    /// <summary>The subject of the audit rows of the staff actions on an outbox item.</summary>
    public static string Subject(Guid itemId) => "outbox item " + itemId.ToString("D");

    private static StaffAuditEntry Audit(DateTimeOffset at, string actor, string action, Guid itemId, string? note)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        return new StaffAuditEntry(at, actor, action, Subject(itemId), string.IsNullOrWhiteSpace(note) ? string.Empty : note.Trim());
    }
}
