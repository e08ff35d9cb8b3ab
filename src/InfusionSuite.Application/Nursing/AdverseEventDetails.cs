using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Application.Nursing;

/// <summary>
/// The nurse's words for an adverse event: required for "Other" (an event with no name of its own must say
/// what it was: clinical-rules.md, what a nurse documents), optional for the named kinds, trimmed, at most
/// <see cref="AdverseEventEntry.MaxDetailsLength"/> characters, no control characters.
/// </summary>
internal static class AdverseEventDetails
{
    public const string Field = "details";

    /// <summary>The text to store (trimmed; null when none was given) or the problem naming <see cref="Field"/>.</summary>
    public static (string? Text, FieldError? Problem) Check(AdverseEventKind kind, string? details)
    {
        var text = string.IsNullOrWhiteSpace(details) ? null : details.Trim();
        if (text is null)
        {
            return kind == AdverseEventKind.Other
                ? (null, new FieldError(Field, "Say what the other adverse event was."))
                : (null, null);
        }

        if (text.Length > AdverseEventEntry.MaxDetailsLength)
        {
            return (null, new FieldError(Field, $"At most {AdverseEventEntry.MaxDetailsLength} characters."));
        }

        return text.Any(char.IsControl)
            ? (null, StartSessionValidation.ControlCharacters(Field))
            : (text, null);
    }
}
