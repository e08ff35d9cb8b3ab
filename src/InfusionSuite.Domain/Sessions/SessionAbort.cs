namespace InfusionSuite.Domain.Sessions;

/// <summary>Why and when a nurse stopped the session early.</summary>
/// <param name="Details">The nurse's words (always given for <see cref="AbortReason.Other"/> since they were asked for); null when none.</param>
public sealed record SessionAbort(AbortReason Reason, DateTimeOffset At, string NurseId, string? Details = null)
{
    /// <summary>The reason in words for notes and pages: "headache", or with the nurse's words "other: fire alarm, suite evacuated".</summary>
    public string Words => Details is null ? ClinicalWords.Of(Reason) : ClinicalWords.Of(Reason) + ": " + Details;
}
