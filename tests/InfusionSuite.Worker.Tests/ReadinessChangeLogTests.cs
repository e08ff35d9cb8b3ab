using InfusionSuite.Host.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace InfusionSuite.Worker.Tests;

/// <summary>Readiness is logged once per change of a check, not once per probe.</summary>
public sealed class ReadinessChangeLogTests
{
    [Fact]
    public void ProbesWhileALinkIsDown_LogOneWarning_AndOneLineWhenItIsBack()
    {
        var logger = new FakeLogger<ReadinessChangeLog>();
        var changes = new ReadinessChangeLog(logger);

        changes.Observe(Report(HealthStatus.Healthy));
        changes.Observe(Report(HealthStatus.Unhealthy, "The MQTT link is down."));
        changes.Observe(Report(HealthStatus.Unhealthy, "The MQTT link is down."));
        changes.Observe(Report(HealthStatus.Unhealthy, "The MQTT link is down."));
        changes.Observe(Report(HealthStatus.Healthy));
        changes.Observe(Report(HealthStatus.Healthy));

        var records = logger.Collector.GetSnapshot();
        Assert.Collection(
            records,
            down =>
            {
                Assert.Equal(LogLevel.Warning, down.Level);
                Assert.Equal("Readiness check links is now Unhealthy: The MQTT link is down.", down.Message);
            },
            back =>
            {
                Assert.Equal(LogLevel.Information, back.Level);
                Assert.Equal("Readiness check links is healthy again", back.Message);
            });
    }

    [Fact]
    public void ACheckUnhealthyAtTheFirstProbe_IsLoggedOnce()
    {
        var logger = new FakeLogger<ReadinessChangeLog>();
        var changes = new ReadinessChangeLog(logger);

        changes.Observe(Report(HealthStatus.Degraded, "Writer is catching up."));
        changes.Observe(Report(HealthStatus.Degraded, "Writer is catching up."));

        Assert.Equal(LogLevel.Warning, Assert.Single(logger.Collector.GetSnapshot()).Level);
    }

    private static HealthReport Report(HealthStatus status, string? description = null) => new(
        new Dictionary<string, HealthReportEntry>(StringComparer.Ordinal)
        {
            ["links"] = new(status, description, TimeSpan.FromMilliseconds(1), null, null),
            ["database"] = new(HealthStatus.Healthy, null, TimeSpan.FromMilliseconds(1), null, null),
        },
        TimeSpan.FromMilliseconds(2));
}
