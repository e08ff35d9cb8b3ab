using System.Globalization;

namespace InfusionSuite.Domain.Sessions;

/// <summary>
/// The one way a controller's clock against the server's is put in words, wherever it is shown or sent: the clock warning
/// (<see cref="ClockSkewSummary.Warning"/>, on the board, the session page, the FHIR Procedure's note and the HL7 note), the
/// card's line and the chair's page. The offset is the controller's clock minus the server's (<see cref="ClockSkewSummary.ControllerAhead"/>),
/// so + is fast (ahead) and − is slow (behind); seconds are rounded to the nearest.
/// </summary>
public static class ClockOffsetWords
{
    /// <summary>"39 s slow", "4 min 10 s fast", "on time"; <paramref name="rounded"/>: whole minutes from a minute on ("4 min slow"), for small cards.</summary>
    public static string Of(TimeSpan controllerAhead, bool rounded = false)
    {
        var seconds = (long)Math.Round(controllerAhead.TotalSeconds);
        return seconds == 0 ? "on time" : Span(controllerAhead, rounded) + (seconds > 0 ? " fast" : " slow");
    }

    /// <summary>The chair page's fact: the words and the signed seconds, "39 s slow (−39 s: behind the server)".</summary>
    public static string WithSign(TimeSpan controllerAhead)
    {
        var seconds = (long)Math.Round(controllerAhead.TotalSeconds);
        return seconds == 0
            ? "on time (0 s)"
            : string.Create(CultureInfo.InvariantCulture, $"{Of(controllerAhead)} ({(seconds > 0 ? "+" : "−")}{Math.Abs(seconds)} s: {(seconds > 0 ? "ahead of" : "behind")} the server)");
    }

    /// <summary>How far, without the way: "39 s", "4 min 10 s", or rounded "4 min".</summary>
    public static string Span(TimeSpan span, bool rounded = false)
    {
        var seconds = (long)Math.Round(span.Duration().TotalSeconds);
        if (seconds < 60)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{seconds} s");
        }

        return rounded
            ? string.Create(CultureInfo.InvariantCulture, $"{(seconds + 30) / 60} min")
            : string.Create(CultureInfo.InvariantCulture, $"{seconds / 60} min {seconds % 60} s");
    }
}
