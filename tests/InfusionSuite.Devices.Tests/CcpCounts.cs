using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using InfusionSuite.Devices.Protocol;

namespace InfusionSuite.Devices.Tests;

/// <summary>
/// A real <see cref="CcpMetrics"/> on its own meter, with a listener that reads its counts as a collector does: every
/// series' total since the start, 0 ones included.
/// </summary>
internal sealed class CcpCounts : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _counts = new();
    private readonly TestMeterFactory _factory = new();
    private readonly Lock _reading = new();

    public CcpCounts()
    {
        Metrics = new CcpMetrics(_factory);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (_factory.Owns(instrument.Meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var key = instrument.Name;
            foreach (var tag in tags)
            {
                key += $"|{tag.Key}={tag.Value}";
            }

            _counts[key] = value;
        });
        _listener.Start();
    }

    public CcpMetrics Metrics { get; }

    public long Accepted(string transport = "serial") => Get($"{CcpMetrics.AcceptedName}|transport={transport}");

    public long Rejected(CcpRejection reason, string transport = "serial") =>
        Get($"{CcpMetrics.RejectedName}|transport={transport}|reason={CcpRejectionNames.Of(reason)}");

    public long TotalRejected => Read().Where(c => c.Key.StartsWith(CcpMetrics.RejectedName, StringComparison.Ordinal)).Sum(c => c.Value);

    /// <summary>Every series now, by name and tags (<c>name|tag=value|...</c>).</summary>
    public IReadOnlyDictionary<string, long> Read()
    {
        lock (_reading)
        {
            _listener.RecordObservableInstruments();
            return new Dictionary<string, long>(_counts);
        }
    }

    public void Dispose()
    {
        _listener.Dispose();
        _factory.Dispose();
    }

    private long Get(string key) => Read().GetValueOrDefault(key);

    private sealed class TestMeterFactory : IMeterFactory
    {
        private readonly List<Meter> _meters = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options.Name, options.Version, options.Tags, this);
            _meters.Add(meter);
            return meter;
        }

        public bool Owns(Meter meter) => _meters.Contains(meter);

        public void Dispose()
        {
            foreach (var meter in _meters)
            {
                meter.Dispose();
            }
        }
    }
}
