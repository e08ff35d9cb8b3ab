namespace InfusionSuite.Domain.Sessions;

/// <summary>An adverse event as documented.</summary>
/// <param name="Details">The nurse's words for it (always given for <see cref="AdverseEventKind.Other"/> since they were asked for); null when none.</param>
public sealed record AdverseEventEntry(AdverseEventKind Event, DateTimeOffset At, string NurseId, string? Details = null)
{
    /// <summary>The longest description a nurse can give (characters): a short clinical phrase, as in a flowsheet row.</summary>
    public const int MaxDetailsLength = 200;

    /// <summary>The event in words for notes and pages: "headache", or with the nurse's words "other: rash on the neck".</summary>
    public string Words => Details is null ? ClinicalWords.Of(Event) : ClinicalWords.Of(Event) + ": " + Details;
}
