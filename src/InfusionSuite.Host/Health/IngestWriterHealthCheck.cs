using InfusionSuite.Application.Ingest;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace InfusionSuite.Host.Health;

/// <summary>Ready once sessions are rebuilt and the writer takes messages; unhealthy after a storage failure.</summary>
internal sealed class IngestWriterHealthCheck(IngestState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.HasFailed ? HealthCheckResult.Unhealthy("The ingest writer stopped on a storage failure.")
            : state.IsRunning ? HealthCheckResult.Healthy($"Writing; {state.SessionsRebuilt} sessions rebuilt at start.")
            : HealthCheckResult.Unhealthy("Rebuilding open sessions."));
}
