using System.Globalization;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Hl7.Configuration;

namespace InfusionSuite.Hl7.Messages;

/// <summary>
/// The values of a session's ORU^R01, in order: phase minutes, targets and interruptions, the
/// interruptions together, each deviation (coded: CE before v2.6, CWE from it), the temperature summaries, cap size, tolerance,
/// each adverse event (coded, with the nurse's words in the text: "other: rash on the neck"),
/// the controller clock warning (when its clock was off or stepped), a note.
/// Durations in minutes with two decimals (rounded down); temperatures in °C as the device sent them
/// (one decimal, kept: <c>-4.0</c>, never <c>-4</c>), means at a stated two decimals (<c>-4.00</c>).
/// </summary>
internal static class SessionObservations
{
    public static IEnumerable<ObservationValue> For(ScalpCoolingSessionRecord record, string? note, string codedValueType)
    {
        foreach (var value in Phases(record))
        {
            yield return value;
        }

        var end = record.PerformedPeriod?.End ?? record.AsOf;
        yield return Number(ObservationKeys.InterruptionCount, record.Interruptions.Count, null, end);
        yield return Minutes(ObservationKeys.InterruptionMinutes, record.Interruptions.Total, end);
        yield return Minutes(ObservationKeys.LongestInterruption, record.Interruptions.Longest, end);
        var index = 0;
        foreach (var deviation in record.Deviations)
        {
            index++;
            yield return new ObservationValue(ObservationKeys.Deviation, codedValueType, [deviation.Name, deviation.Detail, ObservationKeys.LocalCodingSystem], null, end, index.ToString(CultureInfo.InvariantCulture));
        }

        // Observed at the end of the period the summaries were taken from: the abort for an aborted session (clinical-rules.md, "After the end").
        foreach (var value in Temperatures(record.Temperatures, record.Temperatures.Period?.End ?? end))
        {
            yield return value;
        }

        if ((record.Calibration?.Size ?? record.Plan.CapSize) is { } size)
        {
            yield return new ObservationValue(ObservationKeys.CapSize, "ST", [size.ToString()], null, record.Calibration?.At ?? record.Boundaries.CapPlacedAt);
        }

        if (record.Tolerance is { } tolerance)
        {
            yield return Number(ObservationKeys.Tolerance, tolerance, null, end);
        }

        var adverse = 0;
        foreach (var entry in record.AdverseEvents)
        {
            adverse++;
            yield return new ObservationValue(
                ObservationKeys.AdverseEvent, codedValueType, [entry.Event.ToString(), entry.Words, ObservationKeys.LocalCodingSystem], null, entry.At, adverse.ToString(CultureInfo.InvariantCulture));
        }

        if (record.Controller.ClockSkew.Warning is { } clock)
        {
            // The controller's clock was off or stepped (clinical-rules.md, Clocks): said to the EHR as to staff (issue 13).
            yield return new ObservationValue(ObservationKeys.ClockWarning, "TX", [clock], null, end);
        }

        if (!string.IsNullOrWhiteSpace(note))
        {
            yield return new ObservationValue(ObservationKeys.Note, "TX", [note], null, end);
        }
    }

    private static IEnumerable<ObservationValue> Phases(ScalpCoolingSessionRecord record)
    {
        foreach (var phase in record.Phases)
        {
            var keys = phase.Phase switch
            {
                SessionPhase.PreCooling => (ObservationKeys.PreCoolingMinutes, ObservationKeys.PreCoolingTarget, ObservationKeys.PreCoolingInterrupted),
                SessionPhase.Infusion => (ObservationKeys.InfusionMinutes, (string?)null, ObservationKeys.InfusionInterrupted),
                SessionPhase.PostCooling => (ObservationKeys.PostCoolingMinutes, ObservationKeys.PostCoolingTarget, ObservationKeys.PostCoolingInterrupted),
                _ => default,
            };
            if (keys.Item1 is null || phase.End is not { } end)
            {
                continue;
            }

            yield return Minutes(keys.Item1, phase.Cooled ?? (end - phase.Start), end); // pre-cooling: minutes actually cooling, as the note and the deviation say
            if (keys.Item2 is { } targetKey && phase.Target is { } target)
            {
                yield return Minutes(targetKey, target, end);
            }

            yield return Minutes(keys.Item3, phase.Interruptions.Total, end);
        }
    }

    private static IEnumerable<ObservationValue> Temperatures(CoolingTemperatures temperatures, DateTimeOffset at)
    {
        foreach (var (key, celsius) in new[]
        {
            (ObservationKeys.CoolantMinimum, temperatures.Coolant.Min?.ToString()),
            (ObservationKeys.CoolantMean, Mean(temperatures.Coolant.Mean)),
            (ObservationKeys.CoolantMaximum, temperatures.Coolant.Max?.ToString()),
            (ObservationKeys.CoolantSetpoint, temperatures.Setpoint?.ToString()),
        })
        {
            if (celsius is { } value)
            {
                yield return Celsius(key, value, at);
            }
        }

        if (temperatures.Setpoint is not null)
        {
            yield return Minutes(ObservationKeys.MinutesAtSetpoint, temperatures.CoolantAtSetpointTime, at);
        }

        foreach (var (key, celsius) in new[]
        {
            (ObservationKeys.ScalpMinimum, temperatures.Scalp.Min?.ToString()),
            (ObservationKeys.ScalpMean, Mean(temperatures.Scalp.Mean)),
            (ObservationKeys.ScalpMaximum, temperatures.Scalp.Max?.ToString()),
        })
        {
            if (celsius is { } value)
            {
                yield return Celsius(key, value, at);
            }
        }
    }

    private static ObservationValue Minutes(string key, TimeSpan span, DateTimeOffset at) =>
        Number(key, WholeMinutes.Hundredths(span), "min", at);

    private static ObservationValue Celsius(string key, string celsius, DateTimeOffset at) => new(key, "NM", [celsius], "Cel", at);

    private static string? Mean(decimal? celsius) =>
        celsius is { } mean ? decimal.Round(mean, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture) : null;

    private static ObservationValue Number(string key, decimal value, string? unit, DateTimeOffset at) =>
        new(key, "NM", [value.ToString("0.##", CultureInfo.InvariantCulture)], unit, at);
}
