using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Web.Sessions;

/// <summary>
/// Averages consecutive samples into at most <c>maxPoints</c> points (coolant and scalp means, rounded
/// to the tenth; alarms of any sample kept), so a 3-hour session at 1 Hz still draws fast.
/// </summary>
internal static class TelemetryDownsampler
{
    public static IReadOnlyList<ChartPoint> Downsample(IReadOnlyList<SessionSample> samples, int maxPoints)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 1);
        var bucket = (samples.Count + maxPoints - 1) / maxPoints;
        if (bucket <= 1)
        {
            return [.. samples.Select(s => new ChartPoint(s.At, s.Coolant.Celsius, s.Scalp?.Celsius, s.CapConnected, ControllerAlarmNames.Names(s.Alarms)))];
        }

        var points = new List<ChartPoint>((samples.Count + bucket - 1) / bucket);
        for (var start = 0; start < samples.Count; start += bucket)
        {
            var end = Math.Min(start + bucket, samples.Count);
            long coolant = 0;
            long scalp = 0;
            var scalpCount = 0;
            var cap = false;
            var alarms = default(ControllerAlarms);
            for (var i = start; i < end; i++)
            {
                var s = samples[i];
                coolant += s.Coolant.Tenths;
                if (s.Scalp is { } sc)
                {
                    scalp += sc.Tenths;
                    scalpCount++;
                }

                cap |= s.CapConnected;
                alarms |= s.Alarms;
            }

            points.Add(new ChartPoint(
                samples[start].At,
                Mean(coolant, end - start),
                scalpCount == 0 ? null : Mean(scalp, scalpCount),
                cap,
                ControllerAlarmNames.Names(alarms)));
        }

        return points;
    }

    /// <summary>Rounded to the tenth and written with its one decimal (-4.0, as the device's values).</summary>
    private static decimal Mean(long tenths, int count) => decimal.Round(tenths / (decimal)count, MidpointRounding.AwayFromZero) * 0.1m;
}
