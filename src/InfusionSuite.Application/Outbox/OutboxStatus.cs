namespace InfusionSuite.Application.Outbox;

/// <summary>Where an outbox item stands.</summary>
public enum OutboxStatus : byte
{
    /// <summary>Waiting for its next attempt (new, or retrying after a transient failure).</summary>
    Pending,

    /// <summary>Accepted by the receiver.</summary>
    Sent,

    /// <summary>Refused (a 4xx other than 408/429), invalid, or not made: waits for staff.</summary>
    Parked,

    /// <summary>Was parked; staff dealt with it outside InfusionSuite (e.g. keyed it into the EHR): never attempted again.</summary>
    HandledOutside,
}
