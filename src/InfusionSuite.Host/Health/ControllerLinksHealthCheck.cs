using InfusionSuite.Devices.Liveness;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace InfusionSuite.Host.Health;

/// <summary>
/// Links state: the MQTT link down is unhealthy (no controller on it can be stored); a serial port
/// down is degraded (one chair, the others go on).
/// </summary>
internal sealed class ControllerLinksHealthCheck(ConfiguredLinks links, ControllerPresence presence) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        var mqttDown = false;
        if (links.Mqtt)
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

        var result = mqttDown ? HealthCheckResult.Unhealthy("The MQTT link is down.", data: data)
            : serialDown > 0 ? HealthCheckResult.Degraded($"{serialDown} serial port(s) down.", data: data)
            : HealthCheckResult.Healthy("Links up.", data);
        return Task.FromResult(result);
    }
}
