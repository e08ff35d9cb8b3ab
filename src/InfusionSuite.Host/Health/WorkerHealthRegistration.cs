using InfusionSuite.Devices.Mqtt;
using InfusionSuite.Devices.Serial;
using InfusionSuite.Storage;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace InfusionSuite.Host.Health;

/// <summary>
/// <c>/health/live</c> (the process answers) and <c>/health/ready</c> (database, links, writer): on a shared PostgreSQL
/// database it answers 503 only when the node cannot serve nurses (the database), so a load balancer keeps every node that
/// can, standbys included; an owner's duties (its writer, its MQTT link) are named in the report, degraded when they fail.
/// </summary>
internal static class WorkerHealthRegistration
{
    public static IHostApplicationBuilder AddWorkerHealth(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var links = new ConfiguredLinks(
            configuration.GetSection(MqttLinkOptions.SectionName).Exists(),
            [.. configuration.GetSection(SerialLinkOptions.SectionName).GetSection("Ports").GetChildren()
                .Select(port => port["Path"]).OfType<string>()]);
        builder.Services.AddSingleton(links);
        builder.Services.AddSingleton<ReadinessChangeLog>();
        builder.Logging.AddFilter(ReadinessChangeLog.FrameworkCategory, LogLevel.None);
        // Where several nodes serve nurses (PostgreSQL, behind a load balancer), an owner's writer or MQTT link failing does not
        // stop its node serving them: degraded (200, named in the report). A single suite's is unhealthy (503), as its monitor expects.
        var ownerDuty = SharedDatabase(configuration) ? HealthStatus.Degraded : HealthStatus.Unhealthy;
        builder.Services.AddHealthChecks()
            .AddCheck<IngestWriterHealthCheck>("ingest", ownerDuty, [StorageRegistration.ReadyTag])
            .AddCheck<ControllerLinksHealthCheck>("links", ownerDuty, [StorageRegistration.ReadyTag])
            .AddCheck<SiteOwnershipHealthCheck>("sites", HealthStatus.Degraded, [StorageRegistration.ReadyTag]);
        return builder;
    }

    private static bool SharedDatabase(IConfiguration configuration) =>
        Enum.TryParse<StorageProvider>(configuration[StorageOptions.SectionName + ":Provider"], ignoreCase: true, out var provider)
        && provider == StorageProvider.PostgreSql;

    public static WebApplication MapWorkerHealth(this WebApplication app)
    {
        // The only endpoints open without signing in (the nurse station's fallback policy covers the rest).
        var changes = app.Services.GetRequiredService<ReadinessChangeLog>();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(StorageRegistration.ReadyTag),
            ResponseWriter = (context, report) =>
            {
                changes.Observe(report);
                return HealthReportWriter.WriteAsync(context, report);
            },
        }).AllowAnonymous();
        return app;
    }
}
