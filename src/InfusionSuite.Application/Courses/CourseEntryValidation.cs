using InfusionSuite.Application.Nursing;
using InfusionSuite.Domain.Courses;

namespace InfusionSuite.Application.Courses;

/// <summary>The one check of course entries: each field's problem in words for staff, named as the API spells it.</summary>
public static class CourseEntryValidation
{
    /// <summary>Longest free text kept (reason for not cooling, reason for stopping).</summary>
    public const int MaxTextLength = 500;

    public static IReadOnlyList<FieldError> Check(NotCooledEntry entry, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var errors = new List<FieldError>();
        var reason = ParseReason(entry.Reason);
        if (reason is null)
        {
            errors.Add(new("reason", "Choose why the session was not cooled: " + string.Join(", ", Enum.GetNames<NotCooledReason>()) + "."));
        }
        else if (reason == NotCooledReason.Other && string.IsNullOrWhiteSpace(entry.ReasonText))
        {
            errors.Add(new("reasonText", "Say what the other reason was."));
        }

        CheckText(errors, "reasonText", entry.ReasonText);
        CheckInstant(errors, "givenAt", entry.GivenAt, now);
        CheckId(errors, "entryId", entry.EntryId);
        return errors;
    }

    public static IReadOnlyList<FieldError> Check(AssessmentEntry entry, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var errors = new List<FieldError>();
        CheckFindings(errors, entry.Dean, entry.CtcaeGrade, entry.StoppedCooling, entry.StoppedReason);
        CheckInstant(errors, "assessedAt", entry.AssessedAt, now);
        CheckId(errors, "assessmentId", entry.AssessmentId);
        return errors;
    }

    /// <summary>A correction states its findings as a new assessment does; a correction and an "entered in error" both need the reason.</summary>
    public static IReadOnlyList<FieldError> Check(AssessmentChangeEntry entry, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var errors = new List<FieldError>();
        if (!entry.EnteredInError)
        {
            CheckFindings(errors, entry.Dean, entry.CtcaeGrade, entry.StoppedCooling, entry.StoppedReason);
            CheckInstant(errors, "assessedAt", entry.AssessedAt, now);
        }

        if (string.IsNullOrWhiteSpace(entry.Reason))
        {
            errors.Add(new("reason", entry.EnteredInError ? "Say why the assessment was entered in error." : "Say why the assessment is corrected."));
        }

        CheckText(errors, "reason", entry.Reason);
        CheckId(errors, "changeId", entry.ChangeId);
        return errors;
    }

    private static void CheckFindings(List<FieldError> errors, int? dean, int? ctcaeGrade, bool? stoppedCooling, string? stoppedReason)
    {
        if (dean is < 0 or > OutcomeAssessment.MaxDean)
        {
            errors.Add(new("dean", "The Dean scale runs from 0 (no hair loss) to 4 (more than 75 %)."));
        }

        if (ctcaeGrade is < 0 or > OutcomeAssessment.MaxCtcaeGrade)
        {
            errors.Add(new("ctcaeGrade", "The CTCAE alopecia grade is 0, 1 or 2."));
        }

        if (dean is null && ctcaeGrade is null && stoppedCooling is not true)
        {
            errors.Add(new("dean", "Enter a Dean score, a CTCAE grade, or that the patient stopped cooling."));
        }

        if (stoppedCooling is true && string.IsNullOrWhiteSpace(stoppedReason))
        {
            errors.Add(new("stoppedReason", "Say why the patient stopped cooling."));
        }

        CheckText(errors, "stoppedReason", stoppedReason);
    }

    /// <summary>The reason by its name (case-insensitive); null when it is not one.</summary>
    public static NotCooledReason? ParseReason(string? text) =>
        !string.IsNullOrWhiteSpace(text) && !char.IsAsciiDigit(text.Trim()[0])
            && Enum.TryParse<NotCooledReason>(text.Trim(), ignoreCase: true, out var value) && Enum.IsDefined(value)
            ? value
            : null;

    private static void CheckText(List<FieldError> errors, string field, string? text)
    {
        if (text is { Length: > MaxTextLength })
        {
            errors.Add(new(field, $"Keep it to {MaxTextLength} characters."));
        }
    }

    private static void CheckInstant(List<FieldError> errors, string field, DateTimeOffset? at, DateTimeOffset now)
    {
        if (at > now)
        {
            errors.Add(new(field, "The time is in the future."));
        }
    }

    private static void CheckId(List<FieldError> errors, string field, string? id)
    {
        if (id is { } value && (value.Length is 0 or > 64 || value.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_')))
        {
            errors.Add(new(field, "Use 1–64 letters, digits, '-' or '_'."));
        }
    }
}
