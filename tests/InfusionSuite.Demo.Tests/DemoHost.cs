using System.Globalization;
using InfusionSuite.Application.Board;
using InfusionSuite.Application.Ingest;
using InfusionSuite.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionSuite.Demo.Tests;

/// <summary>
/// The demo host started as <c>--time-scale X --data DIR</c> over real Kestrel on a free port
/// (the factory hands its settings to the demo's Program as <c>--key=value</c> arguments). Disposing it
/// fails the test when anything logged an error the test did not declare with <see cref="ExpectErrors"/>.
/// </summary>
internal sealed class DemoHost : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;
    private readonly HostErrorWatch _errors;

    private DemoHost(WebApplicationFactory<Program> factory, HostErrorWatch errors)
    {
        _factory = factory;
        _errors = errors;
    }

    public IServiceProvider Services => _factory.Services;

    public DemoSettings Settings => Services.GetRequiredService<DemoSettings>();

    public IChairBoard Board => Services.GetRequiredService<IChairBoard>();

    /// <summary>The address the banner printed.</summary>
    public Uri BaseAddress => new(Services.GetRequiredService<DemoBanner>().Url ?? throw new InvalidOperationException("No banner yet."));

    public static async Task<DemoHost> StartAsync(string dataFolder, double timeScale)
    {
        var errors = new HostErrorWatch();

        // MQTTnet's server leaves its send loop's task unobserved when a client's socket is already closed
        // at shutdown (broken pipe): the embedded broker's own task, not the product's.
        errors.ExpectErrors("MQTTnet.Server.Internal.MqttConnectedClient.SendPacketsLoop");
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.ConfigureServices(errors.AddTo);
            builder.UseSetting("time-scale", timeScale.ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("data", dataFolder);
            builder.UseSetting("urls", "http://127.0.0.1:0"); // a free port, as a user's --urls would
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        });
        factory.UseKestrel();
        factory.StartServer();
        var host = new DemoHost(factory, errors);
        var ingest = host.Services.GetRequiredService<IngestState>();
        await Eventually.HoldsAsync(() => ingest.IsRunning, TimeSpan.FromSeconds(30), "the ingest writer to start");
        return host;
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress };

    /// <summary>Declares errors this test provokes on purpose (category, message, exception type or exception message containing <paramref name="fragment"/>).</summary>
    public void ExpectErrors(string fragment) => _errors.ExpectErrors(fragment);

    public async ValueTask DisposeAsync()
    {
        using (_errors)
        {
            await _factory.DisposeAsync();
            _errors.ThrowIfUnexpected();
        }
    }
}
