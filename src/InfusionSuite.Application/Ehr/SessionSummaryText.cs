using System.Globalization;
using System.Text;
using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Application.Ehr;

/// <summary>
/// The short note a nurse would write about the session (no patient data, no user ids), in words: no enum
/// names (issue 13). One text for both channels: the FHIR Procedure's <c>note</c> and the HL7 ORU^R01's note OBX.
/// </summary>
public static class SessionSummaryText
{
    public static string For(ScalpCoolingSessionRecord record)
    {
        var text = new StringBuilder("Scalp cooling");
        if (record.Plan.CapSize is { } size)
        {
            text.Append(CultureInfo.InvariantCulture, $", cap {size}");
        }

        text.Append(". ").Append(Phases(record)).Append(' ');
        var interruptions = record.Interruptions;
        text.Append(interruptions.Count == 0
            ? "No interruptions. "
            : Invariant($"Interruptions: {interruptions.Count}, {Minutes(interruptions.Total)} min in total, longest {Minutes(interruptions.Longest)} min. "));
        text.Append(Temperatures(record.Temperatures));
        text.Append(record.Deviations.Count == 0
            ? "Deviations: none."
            : "Deviations: " + string.Join(" ", record.Deviations.Select(Deviation)));
        if (record.Tolerance is { } tolerance)
        {
            text.Append(CultureInfo.InvariantCulture, $" Tolerance {tolerance}/10.");
        }

        if (record.AdverseEvents.Count > 0)
        {
            text.Append(" Adverse events: ").Append(string.Join(", ", record.AdverseEvents.Select(a => a.Words).Distinct(StringComparer.Ordinal))).Append('.');
        }

        if (record.RemovalDiscrepancy is { } apart)
        {
            text.Append(CultureInfo.InvariantCulture, $" Cap removal: the controller's CAP_OFF was {Minutes(apart.Duration())} min {(apart > TimeSpan.Zero ? "after" : "before")} the nurse's \"cap removed\"; the controller's time is used.");
        }

        if (record.Controller.ClockSkew.Warning is { } clock)
        {
            text.Append(' ').Append(clock);
        }

        if (record.ControllerRecordIncomplete)
        {
            text.Append(" Incomplete: the controller was still cut off or uploading its stored messages when this was sent; a correction follows once its record is whole.");
        }

        if (record.Void is { } voided)
        {
            text.Append(CultureInfo.InvariantCulture, $" Entered in error: {ClinicalWords.Of(voided.Reason)}{(voided.Details is null ? string.Empty : ": " + voided.Details)}.");
        }

        return text.ToString();
    }

    private static int Minutes(TimeSpan span) => WholeMinutes.Of(span);

    /// <summary>
    /// "Short pre-cooling: Pre-cooled 18 of 30 min …"; a detail that already says the words (a stop: "Stopped early
    /// (headache) after …", which also carries the abort's reason) is not prefixed with them again.
    /// </summary>
    private static string Deviation(SessionDeviation deviation)
    {
        var first = deviation.Words.Split(' ')[0];
        return deviation.Detail.StartsWith(first, StringComparison.Ordinal) ? deviation.Detail : $"{deviation.Words}: {deviation.Detail}";
    }

    private static string Phases(ScalpCoolingSessionRecord record)
    {
        var parts = new List<string>(4);
        foreach (var phase in record.Phases)
        {
            // Pre-cooling counts only the time the controller was cooling: the figure its deviation uses too.
            if (phase.Cooled is not { } duration)
            {
                continue;
            }

            var name = phase.Phase.Words();
            var notCooling = phase.CountsCoolingOnly && phase.NotCooling > TimeSpan.Zero
                ? Invariant($" ({Minutes(phase.NotCooling)} min not cooling not counted)")
                : string.Empty;
            parts.Add(phase.Target is { } target
                ? Invariant($"{name} {Minutes(duration)} of {Minutes(target)} min{notCooling}")
                : Invariant($"{name} {Minutes(duration)} min{notCooling}"));
        }

        if (parts.Count == 0)
        {
            return "No cap placement recorded.";
        }

        parts[0] = char.ToUpperInvariant(parts[0][0]) + parts[0][1..];
        return string.Join("; ", parts) + ".";
    }

    private static string Temperatures(CoolingTemperatures temperatures)
    {
        var text = new StringBuilder();
        if (temperatures.Coolant is { Min: { } cMin, Max: { } cMax, Mean: { } cMean })
        {
            text.Append(Invariant($"Coolant mean {cMean:0.0} °C (min {cMin}, max {cMax}"));
            if (temperatures.Setpoint is { } setpoint)
            {
                text.Append(Invariant($", setpoint {setpoint}, at setpoint {Minutes(temperatures.CoolantAtSetpointTime)} min"));
            }

            text.Append("). ");
        }

        if (temperatures.Scalp is { Min: { } sMin, Max: { } sMax, Mean: { } sMean })
        {
            text.Append(Invariant($"Scalp mean {sMean:0.0} °C (min {sMin}, max {sMax}). "));
        }

        return text.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
