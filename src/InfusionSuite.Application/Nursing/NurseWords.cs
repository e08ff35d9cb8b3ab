using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Application.Nursing;

/// <summary>
/// The nurse's own words beside a chosen reason (an adverse event, an abort, a void): required when the choice
/// is "Other" (a reason with no name of its own must say what it was: clinical-rules.md, what a nurse
/// documents), optional otherwise, trimmed, at most <see cref="AdverseEventEntry.MaxDetailsLength"/> characters,
/// no control characters.
/// </summary>
internal static class NurseWords
{
    public const string Field = "details";

    /// <summary>
    /// The text to store (trimmed; null when none was given) or the problem naming <see cref="Field"/>.
    /// <paramref name="whenMissing"/>: what to ask for when the words are required; null when they are optional.
    /// </summary>
    public static (string? Text, FieldError? Problem) Check(string? details, string? whenMissing)
    {
        var text = string.IsNullOrWhiteSpace(details) ? null : details.Trim();
        if (text is null)
        {
            return whenMissing is null ? (null, null) : (null, new FieldError(Field, whenMissing));
        }

        if (text.Length > AdverseEventEntry.MaxDetailsLength)
        {
            return (null, new FieldError(Field, $"At most {AdverseEventEntry.MaxDetailsLength} characters."));
        }

        return text.Any(char.IsControl)
            ? (null, StartSessionValidation.ControlCharacters(Field))
            : (text, null);
    }

    /// <summary>What to ask for when an adverse event is "Other".</summary>
    public static string? For(AdverseEventKind kind) => kind == AdverseEventKind.Other ? "Say what the other adverse event was." : null;

    /// <summary>What to ask for when a session stops for "Other".</summary>
    public static string? For(AbortReason reason) => reason == AbortReason.Other ? "Say why the session stops." : null;

    /// <summary>What to ask for when a record is void for "Other".</summary>
    public static string? For(VoidReason reason) => reason == VoidReason.Other ? "Say why this record is void." : null;
}
