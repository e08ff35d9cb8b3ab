namespace InfusionSuite.Fhir.Outbox;

/// <summary>Where an outbox item stands.</summary>
public enum FhirOutboxStatus : byte
{
    /// <summary>Waiting for its next attempt (new, or retrying after a transient failure).</summary>
    Pending,

    /// <summary>Accepted by the EHR.</summary>
    Sent,

    /// <summary>Refused by the EHR (a 4xx other than 408/429) or invalid: waits for staff to requeue it.</summary>
    Parked,
}
