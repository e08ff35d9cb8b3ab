namespace InfusionSuite.Application.Nursing;

/// <summary>
/// The form of identifiers a caller may choose (a session id, a course id from the EHR's plan or order):
/// 1–64 characters, letters and digits (ASCII) and <c>. _ : -</c>, and for a course id also <c>/</c>
/// (EHR ids such as <c>CarePlan/123</c>). They go into URLs, the <c>Location</c> header, FHIR identifiers
/// and HL7 fields, so nothing else is taken (issue 19: a 5 MB id was stored and echoed).
/// </summary>
public static class RecordIdentifier
{
    /// <summary>The longest identifier taken.</summary>
    public const int MaxLength = 64;

    /// <summary>Null when <paramref name="value"/> has the form; otherwise the error to show under the field.</summary>
    public static string? Problem(string value, bool allowSlash)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > MaxLength)
        {
            return $"At most {MaxLength} characters.";
        }

        return value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-' || (allowSlash && c == '/'))
            ? null
            : allowSlash
                ? "Use letters, digits and . _ : / - only."
                : "Use letters, digits and . _ : - only.";
    }
}
