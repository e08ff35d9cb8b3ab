using InfusionSuite.Application.Board;
using InfusionSuite.Application.Ingest;
using InfusionSuite.Application.Nursing;
using InfusionSuite.Application.Ports;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionSuite.Worker.Tests;

/// <summary>The real worker (Program) on a test clock, with settings given as configuration keys.</summary>
internal sealed class WorkerHost : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    private IngestState? _state;

    private WorkerHost(WebApplicationFactory<Program> factory) => _factory = factory;

    public IServiceProvider Services => _factory.Services;

    public INurseActions Nurse => Services.GetRequiredService<INurseActions>();

    public IChairBoard Board => Services.GetRequiredService<IChairBoard>();

    public IBoardNotifications Notifications => Services.GetRequiredService<IBoardNotifications>();

    /// <summary>Kept from the start: it still answers after the host stopped itself.</summary>
    public IngestState State => _state ??= Services.GetRequiredService<IngestState>();

    public static WebApplicationFactory<Program> Factory(
        IReadOnlyDictionary<string, string?> settings, TimeProvider timeProvider, CrashingStore? crashing = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton(timeProvider);
                if (crashing is not null)
                {
                    var store = services.Last(d => d.ServiceType == typeof(IIngestStore));
                    services.Remove(store);
                    services.AddSingleton(sp => crashing.Around((IIngestStore)store.ImplementationFactory!(sp)));
                }
            });
        });

    /// <summary>Starts the host and waits until the writer has rebuilt its sessions.</summary>
    public static async Task<WorkerHost> StartAsync(
        IReadOnlyDictionary<string, string?> settings, TimeProvider timeProvider, CrashingStore? crashing = null)
    {
        var host = new WorkerHost(Factory(settings, timeProvider, crashing));
        await Wait.UntilAsync(() => host.State.IsRunning, "the ingest writer to start");
        return host;
    }

    public HttpClient CreateClient() => _factory.CreateClient();

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();
}
