using BenchmarkDotNet.Attributes;
using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Benchmarks;

/// <summary>The domain's per-sample step: one steady cooling sample folded into an infusing session.</summary>
[MemoryDiagnoser]
public class DomainBenchmarks
{
    private const int Samples = 10_000;
    private BenchmarkSession _chair = null!;
    private TelemetrySample[] _batch = null!;

    [GlobalSetup]
    public void Setup() => _chair = new BenchmarkSession(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));

    /// <summary>Each invocation gets the next 10,000 samples (seq and ts keep rising, as from a real controller).</summary>
    [IterationSetup]
    public void NextSamples() => _batch = [.. Enumerable.Range(0, Samples).Select(_ => _chair.NextSample())];

    [Benchmark(OperationsPerInvoke = Samples)]
    public int FoldSample()
    {
        var accepted = 0;
        foreach (ref readonly var sample in _batch.AsSpan())
        {
            accepted += _chair.Session.ApplyTelemetry(sample, sample.Timestamp).IsAccepted ? 1 : 0;
        }

        return accepted;
    }
}
