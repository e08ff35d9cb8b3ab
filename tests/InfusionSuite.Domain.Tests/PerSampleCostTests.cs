using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Domain.Tests;

/// <summary>The worker folds thousands of samples a second: the per-sample step must not allocate.</summary>
public sealed class PerSampleCostTests
{
    [Fact]
    public void SteadyCoolingSamples_AreFoldedWithoutAllocating()
    {
        var chair = new SessionScenario();
        chair.RunToInfusing();
        var samples = new TelemetrySample[2000];
        for (var i = 0; i < samples.Length; i++)
        {
            chair.Advance(TimeSpan.FromSeconds(1));
            samples[i] = chair.NewSample(coolant: -4.0m + (i % 5 / 10m));
        }

        chair.Session.ApplyTelemetry(samples[0], samples[0].Timestamp);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 1; i < samples.Length; i++)
        {
            chair.Session.ApplyTelemetry(samples[i], samples[i].Timestamp);
        }

        // Less than one byte a sample: any allocation per sample (24 bytes at least) fails; a one-time allocation by the
        // runtime on this thread while the loop runs (CI once saw 1,576 bytes in a whole-assembly run) does not.
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < samples.Length, $"{allocated} bytes allocated folding {samples.Length - 1} samples");
        Assert.Equal(2 + samples.Length, chair.Record.Temperatures.Coolant.Samples);
    }
}
