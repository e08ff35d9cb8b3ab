namespace InfusionSuite.Application.Outbox;

/// <summary>
/// One part of an item as the receiver holds it after an attempt, kept as data beside the attempt's message:
/// the sender's key for it (e.g. <c>Procedure 97008</c>), the receiver's id for it (e.g. <c>Procedure/123</c>;
/// null when none is known) and what happened (created, found, sent before, charged, credited, left out, no answer).
/// Later corrections and voids go to that id.
/// </summary>
public sealed record ReceiverResource(string Key, string? Reference, string Outcome)
{
    /// <summary>The outcome of a create whose answer was lost (the receiver may hold it or not).</summary>
    public const string NoAnswer = "no answer";

    /// <summary>The outcome of a part the receiver does not take (or need not get): not sent.</summary>
    public const string LeftOut = "left out";

    /// <summary>Why, in words for staff, when the part was left out (e.g. "the EHR does not take Observation"); null otherwise.</summary>
    public string? Reason { get; init; }
}
