using System.Collections.Concurrent;

namespace InfusionSuite.Application.Board;

/// <summary>
/// Each controller's latest stored sample, published by the writer after each commit (so nothing unstored is shown)
/// and read from any thread. In memory on the node that ingests the controller: after a restart a chair shows its
/// readings again with the controller's next sample (about a second at CCP/1's default rate).
/// </summary>
internal sealed class ControllerReadings
{
    private readonly ConcurrentDictionary<string, ControllerReading> _byController = new(StringComparer.Ordinal);

    public ControllerReading? Latest(string controllerId) => _byController.GetValueOrDefault(controllerId);

    /// <summary>Every controller with a reading (all admitted: refused controllers' samples are never stored).</summary>
    public ICollection<string> Controllers => _byController.Keys;

    public void Publish(ControllerReading reading) => _byController[reading.Sample.ControllerId] = reading;

    /// <summary>
    /// Shows <paramref name="reading"/> unless the one shown is later (the same boot and a higher seq): the one rule for the
    /// writer that stored the sample and for a node that read it back from the store (another worker's controller).
    /// </summary>
    public void PublishIfLater(ControllerReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        _byController.AddOrUpdate(
            reading.Sample.ControllerId,
            reading,
            (_, shown) => IsLater(reading.Sample, shown.Sample) ? reading : shown with { Setpoint = reading.Setpoint ?? shown.Setpoint });
    }

    /// <summary>Whether <paramref name="sample"/> is not older than <paramref name="known"/>: another boot, or the same boot at its seq or past it.</summary>
    public static bool IsLater(Domain.Controllers.TelemetrySample sample, Domain.Controllers.TelemetrySample known) =>
        sample.Boot != known.Boot || sample.Seq >= known.Seq;
}
