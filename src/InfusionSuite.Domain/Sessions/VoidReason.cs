namespace InfusionSuite.Domain.Sessions;

/// <summary>Why a session record was voided (it is kept, never billed).</summary>
public enum VoidReason : byte
{
    EnteredInError,
    WrongPatient,
    WrongChair,
    DuplicateSession,
    Other,
}
