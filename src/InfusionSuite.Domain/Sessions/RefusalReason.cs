namespace InfusionSuite.Domain.Sessions;

/// <summary>Why an input was refused. <see cref="RefusalTexts"/> gives the words shown to staff.</summary>
public enum RefusalReason : byte
{
    None,
    SessionNotStarted,
    SessionAlreadyStarted,
    TargetOutOfRange,
    EffectiveTimeInFuture,
    EffectiveTimeBeforeSessionStart,
    SessionFinished,
    SessionVoided,
    AlreadyRecorded,
    InfusionNotStarted,
    InfusionEndBeforeStart,
    InfusionNotEnded,
    CapNotPlaced,
    OutOfOrder,
    ToleranceOutOfRange,
    OtherController,
    AfterSessionEnded,
    InvalidDeviceDetail,
}
