using System.Globalization;

namespace InfusionSuite.Domain.Sessions;

/// <summary>
/// The controller's clock against the server's over the session's messages, as estimated per boot
/// (docs/clinical-rules.md, "Clocks"). Device times in the record are already on the server's timeline.
/// </summary>
/// <param name="Largest">The largest absolute offset estimated for any boot.</param>
/// <param name="FlaggedMessages">Messages taken while their boot's offset was over the policy's threshold.</param>
/// <param name="Steps">Times the controller's clock stepped (backwards or forwards) by more than the threshold.</param>
/// <param name="ControllerAhead">The latest estimate: controller clock minus server clock (negative: slow); null while unknown.</param>
public sealed record ClockSkewSummary(TimeSpan Largest, int FlaggedMessages, int Steps = 0, TimeSpan? ControllerAhead = null)
{
    public bool Flagged => FlaggedMessages > 0 || Steps > 0;

    /// <summary>The warning shown to staff and noted for the EHR; null when the clock was within the threshold.</summary>
    public string? Warning
    {
        get
        {
            if (!Flagged)
            {
                return null;
            }

            var parts = new List<string>(2);
            if (FlaggedMessages > 0)
            {
                parts.Add(ControllerAhead is { } ahead && ahead.Duration() * 2 > Largest
                    ? "Controller clock " + ClockOffsetWords.Of(ahead)
                    : "Controller clock off by up to " + ClockOffsetWords.Span(Largest));
            }

            if (Steps > 0)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"controller clock stepped {(Steps == 1 ? "once" : Steps + " times")}"));
            }

            var text = string.Join("; ", parts);
            return char.ToUpperInvariant(text[0]) + text[1..] + "; device times corrected to the server clock.";
        }
    }
}
