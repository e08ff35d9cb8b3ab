namespace InfusionSuite.Application.Ehr;

/// <summary>
/// A patient's name as family and given names, however it was written: "Family, Given" (as an EHR lists it, and as HL7
/// PID-5 wants it) or "Given Family" (as a nurse types it). Two writings are the same name when their parts are, case and
/// spaces aside ("Alice Testpatient" is "Testpatient, Alice"); a "Given Family" writing of several words fits any split
/// ("Anna van der Berg" is "van der Berg, Anna"). The one rule for comparing and splitting names. No patient data in its words.
/// </summary>
public sealed record PersonName(string Family, string? Given)
{
    /// <summary>Null when nothing was written; a single word is the family name.</summary>
    public static PersonName? Parse(string? written)
    {
        if (string.IsNullOrWhiteSpace(written))
        {
            return null;
        }

        var comma = written.IndexOf(',', StringComparison.Ordinal);
        if (comma >= 0)
        {
            var family = Words(written[..comma]);
            var given = Words(written[(comma + 1)..]);
            return family.Length == 0 ? new PersonName(given, null) : new PersonName(family, given.Length == 0 ? null : given);
        }

        var words = Words(written).Split(' ');
        return words.Length == 1 ? new PersonName(words[0], null) : new PersonName(words[^1], string.Join(' ', words[..^1]));
    }

    /// <summary>Whether two writings name the same person's name (never "different" only because of order, case or spaces).</summary>
    public static bool Same(string? a, string? b)
    {
        if (string.IsNullOrWhiteSpace(a) || string.IsNullOrWhiteSpace(b))
        {
            return string.IsNullOrWhiteSpace(a) && string.IsNullOrWhiteSpace(b);
        }

        var readings = Splits(b).ToList();
        return Splits(a).Any(readings.Contains);
    }

    /// <summary>"Family, Given" (or the family name alone): how the name is shown once its parts are known.</summary>
    public override string ToString() => Given is null ? Family : $"{Family}, {Given}";

    /// <summary>Every reading of a writing, lower-cased: the one of a comma writing; each family/given split of a "Given Family" one.</summary>
    private static IEnumerable<(string Family, string Given)> Splits(string written)
    {
        if (written.Contains(',', StringComparison.Ordinal))
        {
            var name = Parse(written)!;
            yield return (name.Family.ToUpperInvariant(), (name.Given ?? string.Empty).ToUpperInvariant());
            yield break;
        }

        var words = Words(written).ToUpperInvariant().Split(' ');
        for (var familyWords = 1; familyWords <= words.Length; familyWords++)
        {
            yield return (string.Join(' ', words[^familyWords..]), string.Join(' ', words[..^familyWords]));
        }
    }

    private static string Words(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
