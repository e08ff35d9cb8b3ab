using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace InfusionSuite.Host.Operations;

/// <summary>Running the host for real: service managers, metrics, and the host's commands.</summary>
public static class OperationsRegistration
{
    /// <summary>
    /// systemd (<c>Type=notify</c>, journal log levels) and Windows service integration, each a no-op
    /// when the process was not started by that manager; OpenTelemetry metrics with OTLP export when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set and a Prometheus scrape endpoint (<c>Operations:Metrics</c>).
    /// JSON log lines are configuration only: <c>Logging:Console:FormatterName=json</c>. Settings files
    /// come from the application's folder when the working directory has none.
    /// </summary>
    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AppFolderSettingsFiles.UseWhenMissing(builder);
        builder.Services.AddSystemd();
        builder.Services.AddWindowsService(service => service.ServiceName = "InfusionSuite");

        builder.Services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var metrics = builder.Configuration.GetSection(MetricsOptions.SectionName).Get<MetricsOptions>() ?? new MetricsOptions();
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])
            || !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_METRICS_ENDPOINT"]);
        if (!metrics.Prometheus && !otlp)
        {
            return builder;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("infusionsuite"))
            .WithMetrics(m =>
            {
                m.AddMeter("InfusionSuite.*").AddAspNetCoreInstrumentation().AddRuntimeInstrumentation();
                if (otlp)
                {
                    m.AddOtlpExporter();
                }

                if (metrics.Prometheus)
                {
                    m.AddPrometheusExporter();
                }
            });
        if (metrics.Prometheus)
        {
            builder.Services.AddSingleton<IStartupFilter>(new PrometheusEndpoint(metrics.PrometheusPath));
        }

        return builder;
    }
}
