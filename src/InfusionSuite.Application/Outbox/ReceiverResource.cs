namespace InfusionSuite.Application.Outbox;

/// <summary>
/// One part of an item as the receiver holds it after an attempt, kept as data beside the attempt's message:
/// the sender's key for it (e.g. <c>Procedure 97008</c>), the receiver's id for it (e.g. <c>Procedure/123</c>;
/// null when none is known), what happened (created, found, sent before, charged, credited, left out, refused, no answer)
/// and the request that did it with the receiver's status.
/// Later corrections and voids go to that id.
/// </summary>
public sealed record ReceiverResource(string Key, string? Reference, string Outcome)
{
    /// <summary>The outcome of a create whose answer was lost (the receiver may hold it or not).</summary>
    public const string NoAnswer = "no answer";

    /// <summary>The outcome of a part the receiver does not take (or need not get): not sent.</summary>
    public const string LeftOut = "left out";

    /// <summary>The outcome of a part others refer to that the receiver does not hold (as far as InfusionSuite knows): the item waits for staff.</summary>
    public const string NotAtReceiver = "not at the receiver";

    /// <summary>The outcome of a part staff say the receiver holds, with its id there (they found it, or entered it by hand).</summary>
    public const string GivenByStaff = "given by staff";

    /// <summary>The outcome of a request the receiver answered with an error.</summary>
    public const string Refused = "refused";

    /// <summary>Why, in words for staff, when the part was left out (e.g. "the EHR does not take Observation"); null otherwise.</summary>
    public string? Reason { get; init; }

    /// <summary>The request that came to this state, e.g. <c>POST Procedure</c> or <c>PUT Procedure/123</c>; null when none was sent for it (left out, sent before) or it was stored before requests were kept.</summary>
    public string? Request { get; init; }

    /// <summary>The receiver's HTTP status for <see cref="Request"/>; null when it gave no answer.</summary>
    public int? HttpStatus { get; init; }

    /// <summary>Equal when the receiver holds the same: key, id, outcome and reason (the request that came to it is not part of that).</summary>
    public bool Equals(ReceiverResource? other) =>
        other is not null && Key == other.Key && Reference == other.Reference && Outcome == other.Outcome && Reason == other.Reason;

    public override int GetHashCode() => HashCode.Combine(Key, Reference, Outcome, Reason);
}
