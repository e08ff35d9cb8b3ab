namespace InfusionSuite.Domain.Sessions;

/// <summary>The kinds of nurse action a session takes.</summary>
public enum NurseActionKind : byte
{
    StartSession,
    CapPlaced,
    InfusionStarted,
    InfusionEnded,
    CapRemoved,
    Abort,
    Void,
    Tolerance,
    AdverseEvent,

    /// <summary>Staff gave the visit, ordering provider, diagnoses or payer (billing, not care).</summary>
    BillingDetails,

    /// <summary>Staff moved the session to another course of its patient (billing, not care).</summary>
    CourseMove,
}
