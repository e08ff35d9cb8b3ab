using System.Globalization;
using InfusionSuite.Application.Board;
using InfusionSuite.Application.Ingest;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionSuite.Demo.Tests;

/// <summary>
/// The demo host started as <c>--time-scale X --data DIR</c> over real Kestrel on a free port
/// (the factory hands its settings to the demo's Program as <c>--key=value</c> arguments).
/// </summary>
internal sealed class DemoHost : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    private DemoHost(WebApplicationFactory<Program> factory) => _factory = factory;

    public IServiceProvider Services => _factory.Services;

    public DemoSettings Settings => Services.GetRequiredService<DemoSettings>();

    public IChairBoard Board => Services.GetRequiredService<IChairBoard>();

    /// <summary>The address the banner printed.</summary>
    public Uri BaseAddress => new(Services.GetRequiredService<DemoBanner>().Url ?? throw new InvalidOperationException("No banner yet."));

    public static async Task<DemoHost> StartAsync(string dataFolder, double timeScale)
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("time-scale", timeScale.ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("data", dataFolder);
            builder.UseSetting("urls", "http://127.0.0.1:0"); // a free port, as a user's --urls would
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        });
        factory.UseKestrel();
        factory.StartServer();
        var host = new DemoHost(factory);
        var ingest = host.Services.GetRequiredService<IngestState>();
        await Testing.Eventually.HoldsAsync(() => ingest.IsRunning, TimeSpan.FromSeconds(30), "the ingest writer to start");
        return host;
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress };

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();
}
