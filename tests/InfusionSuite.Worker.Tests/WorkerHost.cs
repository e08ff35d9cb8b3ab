using InfusionSuite.Application.Board;
using InfusionSuite.Application.Ingest;
using InfusionSuite.Application.Nursing;
using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionSuite.Worker.Tests;

/// <summary>
/// The real worker (Program) on a test clock, with settings given as configuration keys. Disposing
/// it fails the test when anything logged an error the test did not declare with <see cref="ExpectErrors"/>.
/// </summary>
internal sealed class WorkerHost : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;
    private readonly HostErrorWatch _errors;

    private IngestState? _state;

    private WorkerHost(WebApplicationFactory<Program> factory, HostErrorWatch errors)
    {
        _factory = factory;
        _errors = errors;
    }

    public IServiceProvider Services => _factory.Services;

    public INurseActions Nurse => Services.GetRequiredService<INurseActions>();

    public IChairBoard Board => Services.GetRequiredService<IChairBoard>();

    public IBoardNotifications Notifications => Services.GetRequiredService<IBoardNotifications>();

    /// <summary>Kept from the start: it still answers after the host stopped itself.</summary>
    public IngestState State => _state ??= Services.GetRequiredService<IngestState>();

    public static WebApplicationFactory<Program> Factory(
        IReadOnlyDictionary<string, string?> settings, TimeProvider timeProvider, CrashingStore? crashing = null, HostErrorWatch? errors = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton(timeProvider);
                errors?.AddTo(services);
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
        var errors = new HostErrorWatch();
        var host = new WorkerHost(Factory(settings, timeProvider, crashing, errors), errors);
        await Wait.UntilAsync(() => host.State.IsRunning, "the ingest writer to start");
        return host;
    }

    /// <summary>Declares errors this test provokes on purpose (category, message, exception type or exception message containing <paramref name="fragment"/>).</summary>
    public void ExpectErrors(string fragment) => _errors.ExpectErrors(fragment);

    /// <summary>
    /// Waits until the session completed on the controller's own end (its COOLING_STOP and CAP_OFF are in) and returns
    /// the record. The simulated nurse's "cap removed" comes through the API at the CAP_OFF's instant and may be taken
    /// before the controller's COOLING_STOP, which is still on the wire: until that arrives the record is measured to the
    /// nurse's removal (docs/clinical-rules.md, "Nurse and controller end times").
    /// </summary>
    public async Task<ScalpCoolingSessionRecord> CompletedByTheControllerAsync(string sessionId)
    {
        ScalpCoolingSessionRecord? record = null;
        await Wait.UntilAsync(
            async () => (record = (await Board.SessionAsync(sessionId, Wait.Token()))?.Record) is { Status: SessionStatus.Completed, Boundaries.RemovalSource: BoundarySource.Controller },
            sessionId + " completed on the controller's CAP_OFF");
        return record!;
    }

    public HttpClient CreateClient() => _factory.CreateClient();

    public async ValueTask DisposeAsync()
    {
        using (_errors)
        {
            await _factory.DisposeAsync();
            _errors.ThrowIfUnexpected();
        }
    }
}
