using InfusionSuite.Application.Ingest;
using InfusionSuite.Application.Ports;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace InfusionSuite.Host.Health;

/// <summary>
/// An owner's writer: healthy once sessions are rebuilt and it takes messages; while it rebuilds, the registration's
/// failure status (unhealthy for a single suite, degraded where other nodes serve nurses); unhealthy after a storage
/// failure. A standby's writer waits for its sites by design: healthy, and says so.
/// </summary>
internal sealed class IngestWriterHealthCheck(IngestState state, IWriterLease lease) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.HasFailed ? HealthCheckResult.Unhealthy("The ingest writer stopped on a storage failure.")
            : !lease.IsHeld ? HealthCheckResult.Healthy("Standby: another worker owns this worker's sites; the writer starts when it holds them.")
            : state.IsRunning ? HealthCheckResult.Healthy($"Writing; {state.SessionsRebuilt} sessions rebuilt at start.")
            : new HealthCheckResult(context.Registration.FailureStatus, "Rebuilding open sessions."));
}
