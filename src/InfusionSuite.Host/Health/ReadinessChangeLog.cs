using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace InfusionSuite.Host.Health;

/// <summary>
/// Logs a readiness check's status once per change (a warning when it turns degraded or unhealthy,
/// information when it is healthy again), not once per probe: a load balancer probing every few
/// seconds while the broker is down would otherwise fill the log. The framework's own per-probe log
/// (<c>DefaultHealthCheckService</c>) is filtered out where the host is wired.
/// </summary>
internal sealed partial class ReadinessChangeLog(ILogger<ReadinessChangeLog> logger)
{
    /// <summary>The log category whose per-probe entries this replaces.</summary>
    public const string FrameworkCategory = "Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService";

    private readonly Dictionary<string, HealthStatus> _last = new(StringComparer.Ordinal);

    /// <summary>Compares each entry of <paramref name="report"/> with the status last seen for it (a check never seen counts as healthy) and logs the changes.</summary>
    public void Observe(HealthReport report)
    {
        List<(string Name, HealthReportEntry Entry)> changed = [];
        lock (_last)
        {
            foreach (var (name, entry) in report.Entries)
            {
                var before = _last.GetValueOrDefault(name, HealthStatus.Healthy);
                _last[name] = entry.Status;
                if (before != entry.Status)
                {
                    changed.Add((name, entry));
                }
            }
        }

        foreach (var (name, entry) in changed)
        {
            if (entry.Status == HealthStatus.Healthy)
            {
                LogHealthyAgain(name);
            }
            else
            {
                LogNotHealthy(entry.Exception, name, entry.Status, entry.Description ?? "no description");
            }
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Readiness check {Check} is now {Status}: {Description}")]
    private partial void LogNotHealthy(Exception? exception, string check, HealthStatus status, string description);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Readiness check {Check} is healthy again")]
    private partial void LogHealthyAgain(string check);
}
