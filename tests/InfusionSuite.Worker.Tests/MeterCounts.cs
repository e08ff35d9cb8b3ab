using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionSuite.Worker.Tests;

/// <summary>
/// Sums the counters of one host's meters (by its IMeterFactory), by instrument name: the measurements of a counter, and
/// the latest totals of an observable counter (read at each look), over its tag sets.
/// </summary>
internal sealed class MeterCounts : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Lock _reading = new();
    private readonly ConcurrentDictionary<string, long> _totals = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Name, string Tags), long> _observed = new();

    public MeterCounts(IServiceProvider services)
    {
        var factory = services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, factory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (instrument.IsObservable)
            {
                var key = string.Empty;
                foreach (var tag in tags)
                {
                    key += $"|{tag.Key}={tag.Value}";
                }

                _observed[(instrument.Name, key)] = value;
            }
            else
            {
                _totals.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value);
            }
        });
        _listener.Start();
    }

    public long this[string name]
    {
        get
        {
            lock (_reading)
            {
                _listener.RecordObservableInstruments();
            }

            return (_totals.TryGetValue(name, out var total) ? total : 0) + _observed.Where(o => o.Key.Name == name).Sum(o => o.Value);
        }
    }

    public void Dispose() => _listener.Dispose();
}
