namespace InfusionSuite.Application.Outbox;

/// <summary>How one delivery attempt ended.</summary>
public enum OutboxAttemptOutcome : byte
{
    /// <summary>The receiver accepted the payload.</summary>
    Sent,

    /// <summary>Network error, timeout, 408, 429 or 5xx: tried again later.</summary>
    TransientFailure,

    /// <summary>Any other 4xx: parked with the receiver's message.</summary>
    Rejected,

    /// <summary>The payload failed validation before sending: parked with the errors.</summary>
    Invalid,

    /// <summary>
    /// The receiver took what it takes (e.g. Millennium credited the charges), but something must be finished there by hand
    /// (it takes no updates of the Procedure): parked with what staff must do. Not a refusal.
    /// </summary>
    SentButStaffMustFinish,

    /// <summary>
    /// Not an attempt to send: staff said where a part is at the receiver (its id), after its create's answer was lost or they keyed it
    /// in by hand (<see cref="ParkedItemActions"/>, audited); the rest of the item then goes on.
    /// </summary>
    GivenByStaff,
}
