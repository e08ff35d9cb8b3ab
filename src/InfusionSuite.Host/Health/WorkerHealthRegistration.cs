using InfusionSuite.Devices.Mqtt;
using InfusionSuite.Devices.Serial;
using InfusionSuite.Storage;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace InfusionSuite.Host.Health;

/// <summary><c>/health/live</c> (the process answers) and <c>/health/ready</c> (database, links, writer).</summary>
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
        builder.Services.AddHealthChecks()
            .AddCheck<IngestWriterHealthCheck>("ingest", tags: [StorageRegistration.ReadyTag])
            .AddCheck<ControllerLinksHealthCheck>("links", tags: [StorageRegistration.ReadyTag]);
        return builder;
    }

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
