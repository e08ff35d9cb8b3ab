namespace InfusionSuite.Domain.Sessions;

/// <summary>Human text for each refusal (no patient data, ever).</summary>
public static class RefusalTexts
{
    public static string For(RefusalReason reason) => reason switch
    {
        RefusalReason.None => "Accepted.",
        RefusalReason.SessionNotStarted => "The session has not been started.",
        RefusalReason.SessionAlreadyStarted => "The session was already started.",
        RefusalReason.TargetOutOfRange => "A pre- or post-cooling target is outside the site's allowed range.",
        RefusalReason.EffectiveTimeInFuture => "The time given for this action is in the future.",
        RefusalReason.EffectiveTimeBeforeSessionStart => "The time given for this action is before the session began.",
        RefusalReason.SessionFinished => "The session is already finished.",
        RefusalReason.SessionVoided => "The session was voided.",
        RefusalReason.AlreadyRecorded => "This was already recorded for the session.",
        RefusalReason.InfusionNotStarted => "The infusion has not been started.",
        RefusalReason.InfusionEndBeforeStart => "The infusion cannot end before it started.",
        RefusalReason.InfusionNotEnded => "The infusion has not ended; use abort to stop the session early.",
        RefusalReason.CapNotPlaced => "No cap placement is known for the session.",
        RefusalReason.OutOfOrder => "The time given is before an earlier step of the session.",
        RefusalReason.ToleranceOutOfRange => "Tolerance must be between 0 and 10.",
        RefusalReason.OtherController => "The message is from another controller than the session's.",
        RefusalReason.AfterSessionEnded => "The message is from after the session ended.",
        RefusalReason.InvalidDeviceDetail => "The controller event's detail could not be read.",
        _ => "Refused.",
    };
}
