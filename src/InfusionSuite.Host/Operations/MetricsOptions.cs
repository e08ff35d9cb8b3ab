namespace InfusionSuite.Host.Operations;

/// <summary>
/// Metrics through OpenTelemetry (<c>Operations:Metrics</c>): the <c>InfusionSuite.*</c> meters, ASP.NET Core
/// and the .NET runtime. OTLP export is on when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the standard
/// <c>OTEL_*</c> variables configure it).
/// </summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Operations:Metrics";

    /// <summary>Serve a Prometheus scrape endpoint at <see cref="PrometheusPath"/>. No tag names a patient, session or controller; restrict it to the monitoring network.</summary>
    public bool Prometheus { get; set; } = true;

    /// <summary>Where the Prometheus scrape endpoint is served.</summary>
    [System.ComponentModel.DataAnnotations.RegularExpression("^/[A-Za-z0-9/_-]*$")]
    public string PrometheusPath { get; set; } = "/metrics";
}
