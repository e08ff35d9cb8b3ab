namespace InfusionSuite.Web.Board;

/// <summary>
/// Chair labels in the order a nurse counts them: digits compare as numbers ("Chair 2" before "Chair 10"), letters
/// without case, and spaces and punctuation do not count, so labels of two styles still count together ("CHAIR-01",
/// "Chair 2", "Chair 10 (window)"). Labels equal by that are ordered by their characters.
/// </summary>
internal sealed class ChairLabelOrder : IComparer<string>
{
    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        int i = 0, j = 0;
        while (true)
        {
            i = Skip(x, i);
            j = Skip(y, j);
            if (i >= x.Length || j >= y.Length)
            {
                break;
            }

            if (char.IsAsciiDigit(x[i]) && char.IsAsciiDigit(y[j]))
            {
                var (a, nextI) = Number(x, i);
                var (b, nextJ) = Number(y, j);
                var byNumber = a.TrimStart('0').Length != b.TrimStart('0').Length
                    ? a.TrimStart('0').Length.CompareTo(b.TrimStart('0').Length)
                    : string.CompareOrdinal(a.TrimStart('0'), b.TrimStart('0'));
                if (byNumber != 0)
                {
                    return byNumber;
                }

                (i, j) = (nextI, nextJ);
                continue;
            }

            var byLetter = char.ToUpperInvariant(x[i]).CompareTo(char.ToUpperInvariant(y[j]));
            if (byLetter != 0)
            {
                return byLetter;
            }

            i++;
            j++;
        }

        var byLength = (i < x.Length).CompareTo(j < y.Length);
        return byLength != 0 ? byLength : string.CompareOrdinal(x, y);
    }

    /// <summary>Past spaces and punctuation: only letters and digits order labels.</summary>
    private static int Skip(string text, int at)
    {
        while (at < text.Length && !char.IsLetterOrDigit(text[at]))
        {
            at++;
        }

        return at;
    }

    private static (string Digits, int Next) Number(string text, int start)
    {
        var end = start;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        return (text[start..end], end);
    }
}
