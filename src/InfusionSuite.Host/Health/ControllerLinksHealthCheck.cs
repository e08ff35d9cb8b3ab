using InfusionSuite.Application.Ports;
using InfusionSuite.Devices.Liveness;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace InfusionSuite.Host.Health;

/// <summary>
/// Links state: the MQTT link down has the registration's failure status (unhealthy for a single suite: no controller on
/// it can be stored; degraded where other nodes serve nurses, whom a broken link does not stop); a serial port down is
/// degraded (one chair, the others go on). A standby's MQTT link waits for its sites by design (<c>standby</c>, healthy).
/// </summary>
internal sealed class ControllerLinksHealthCheck(ConfiguredLinks links, ControllerPresence presence, IWriterLease lease) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        var mqttDown = false;
        var standby = !lease.IsHeld;
        if (links.Mqtt && standby)
        {
            data["mqtt"] = "standby";
        }
        else if (links.Mqtt)
        {
            var up = presence.IsLinkUp("mqtt");
            data["mqtt"] = up ? "up" : "down";
            mqttDown = !up;
        }

        var serialDown = 0;
        foreach (var port in links.SerialPorts)
        {
            var up = presence.IsLinkUp("serial:" + port);
            data["serial:" + port] = up ? "up" : "down";
            serialDown += up ? 0 : 1;
        }

        var result = mqttDown ? new HealthCheckResult(context.Registration.FailureStatus, "The MQTT link is down.", data: data)
            : serialDown > 0 ? HealthCheckResult.Degraded($"{serialDown} serial port(s) down.", data: data)
            : standby && links.Mqtt ? HealthCheckResult.Healthy("Standby: the MQTT link connects when this worker holds its sites.", data)
            : HealthCheckResult.Healthy("Links up.", data);
        return Task.FromResult(result);
    }
}
