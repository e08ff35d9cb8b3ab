using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace InfusionSuite.Devices.IntegrationTests;

/// <summary>
/// One count of a host's CCP/1 meter, read as a dashboard reads it: every series with its total since the start, 0
/// ones included (the counts are observable counters).
/// </summary>
internal sealed class ObservedCount(MetricCollector<long> collector) : IDisposable
{
    private readonly Lock _reading = new();

    /// <summary>Every series now: one measurement per tag set, its value the total so far.</summary>
    public IReadOnlyList<CollectedMeasurement<long>> Series()
    {
        lock (_reading)
        {
            collector.Clear();
            collector.RecordObservableInstruments();
            return collector.GetMeasurementSnapshot();
        }
    }

    /// <summary>The sum of every series now.</summary>
    public long Total => Series().Sum(m => m.Value);

    public void Dispose() => collector.Dispose();
}
