using InfusionSuite.Application.Nursing;
using InfusionSuite.Domain.Billing;

namespace InfusionSuite.Application.Billing;

/// <summary>
/// The one check of billing details entered for a session, field by field: the visit's length, an NPI
/// with its check digit, ICD-10-CM codes by form (the billing system checks them against its code
/// tables), the payer's length; at least one given.
/// </summary>
public static class BillingDetailsValidation
{
    /// <summary>Diagnoses one charge carries (the claim line's pointers take four; the order may list more).</summary>
    public const int MaxDiagnoses = 12;

    public static (string? Visit, BillingDetails? Details, IReadOnlyList<FieldError> Errors) Check(BillingDetailsEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var errors = new List<FieldError>();
        var visit = Trimmed(entry.Visit);
        var npi = Trimmed(entry.OrderingProviderNpi);
        var payer = Trimmed(entry.Payer);
        var diagnoses = (entry.Diagnoses ?? []).Select(Trimmed).OfType<string>().Select(d => d.ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();
        if (visit is { Length: > StartSessionValidation.MaxTextLength })
        {
            errors.Add(new("visit", "The visit is longer than 200 characters."));
        }
        else if (Ehr.VisitIdentity.IsEhrReference(visit))
        {
            errors.Add(new("visit", Ehr.VisitIdentity.NotAVisitNumber));
        }

        if (npi is not null && !IsNpi(npi))
        {
            errors.Add(new("orderingProviderNpi", "Enter the ordering provider's NPI: 10 digits with a valid check digit."));
        }

        if (diagnoses.Count > MaxDiagnoses)
        {
            errors.Add(new("diagnoses", $"Give at most {MaxDiagnoses} diagnoses."));
        }
        else if (diagnoses.Find(d => !IsIcd10Cm(d)) is { } bad)
        {
            errors.Add(new("diagnoses", $"\"{bad}\" is not an ICD-10-CM code (a letter, two characters, then up to four after a dot, e.g. C50.911)."));
        }

        if (payer is { Length: > StartSessionValidation.MaxTextLength })
        {
            errors.Add(new("payer", "The payer is longer than 200 characters."));
        }

        if (errors.Count == 0 && visit is null && npi is null && diagnoses.Count == 0 && payer is null)
        {
            errors.Add(new("visit", "Give the visit, the ordering provider, a diagnosis or the payer."));
        }

        return errors.Count > 0
            ? (null, null, errors)
            : (visit, new BillingDetails(npi, diagnoses.Count > 0 ? diagnoses : null, payer), errors);
    }

    /// <summary>A National Provider Identifier: 10 digits whose last is the Luhn check digit over <c>80840</c> and the first nine.</summary>
    public static bool IsNpi(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length != 10 || !value.All(char.IsAsciiDigit))
        {
            return false;
        }

        var sum = 24; // the prefix 80840, doubled the Luhn way
        for (var i = 8; i >= 0; i--)
        {
            var digit = value[i] - '0';
            if ((8 - i) % 2 == 0)
            {
                digit *= 2;
                digit = digit > 9 ? digit - 9 : digit;
            }

            sum += digit;
        }

        return (10 - (sum % 10)) % 10 == value[9] - '0';
    }

    /// <summary>The form of an ICD-10-CM code: a letter, a digit, a letter or digit, then optionally a dot and 1–4 letters or digits.</summary>
    public static bool IsIcd10Cm(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (code.Length < 3 || !char.IsAsciiLetterUpper(code[0]) || !char.IsAsciiDigit(code[1]) || !char.IsAsciiLetterOrDigit(code[2]))
        {
            return false;
        }

        return code.Length == 3
            || (code[3] == '.' && code.Length is >= 5 and <= 8 && code[4..].All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c)));
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
