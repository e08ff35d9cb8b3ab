namespace InfusionSuite.Fhir.Outbox;

/// <summary>How one delivery attempt ended.</summary>
public enum FhirAttemptOutcome : byte
{
    /// <summary>The EHR accepted the transaction.</summary>
    Sent,

    /// <summary>Network error, timeout, 408, 429 or 5xx: tried again later.</summary>
    TransientFailure,

    /// <summary>Any other 4xx: parked with the server's message.</summary>
    Rejected,

    /// <summary>The Bundle failed validation before sending: parked with the errors.</summary>
    Invalid,
}
