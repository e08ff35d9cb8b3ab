using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Web.Board;

/// <summary>
/// The clock note in a few words for the small cards of a full suite ("clock 4 min slow", "clock off ≤ 5 min",
/// "clock stepped"); the card keeps the domain's full warning as its tooltip and for screen readers, and the chair's
/// and the session's pages show it whole.
/// </summary>
internal static class ClockNote
{
    public static string? Short(ClockSkewSummary skew)
    {
        if (!skew.Flagged)
        {
            return null;
        }

        if (skew.FlaggedMessages == 0)
        {
            return "clock stepped";
        }

        return skew.ControllerAhead is { } ahead && ahead.Duration() * 2 > skew.Largest
            ? "clock " + ClockOffsetWords.Of(ahead, rounded: true)
            : "clock off ≤ " + ClockOffsetWords.Span(skew.Largest, rounded: true);
    }
}
