namespace InfusionSuite.Host.Operations;

/// <summary>Puts the Prometheus scrape endpoint in front of the rest of the pipeline (so <c>Program.cs</c> needs no line for it).</summary>
internal sealed class PrometheusEndpoint(string path) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseOpenTelemetryPrometheusScrapingEndpoint(path);
        next(app);
    };
}
