using InfusionSuite.Application.Board;
using InfusionSuite.Application.Controllers;
using InfusionSuite.Application.Ingest;
using InfusionSuite.Application.Nursing;
using InfusionSuite.Application.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace InfusionSuite.Application.Tests;

/// <summary>
/// The Application as the host wires it (<c>AddIngest()</c>), with the in-memory store and fake
/// controller ports in place of Storage and Devices, on a <see cref="FakeTimeProvider"/>.
/// </summary>
internal sealed class WriterHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset NineOClock = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    private readonly IHost _host;

    private WriterHarness(IHost host, FakeTimeProvider clock, InMemoryIngestStore store, FakeControllerPorts controllers)
    {
        _host = host;
        Clock = clock;
        Store = store;
        Controllers = controllers;
    }

    public FakeTimeProvider Clock { get; }

    public InMemoryIngestStore Store { get; }

    public FakeControllerPorts Controllers { get; }

    public IControllerMessageSink Queue => _host.Services.GetRequiredService<ControllerMessageQueue>();

    public INurseActions Nurse => _host.Services.GetRequiredService<INurseActions>();

    public IChairBoard Board => _host.Services.GetRequiredService<IChairBoard>();

    public IServiceProvider Services => _host.Services;

    public IngestState State => _host.Services.GetRequiredService<IngestState>();

    /// <param name="now">Where the writer's clock starts (09:00 unless given: a restart goes on from the first writer's time).</param>
    public static async Task<WriterHarness> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, IngestRecovery? stored = null, DateTimeOffset? now = null)
    {
        var clock = new FakeTimeProvider(now ?? NineOClock);
        var store = new InMemoryIngestStore(clock);
        if (stored is not null)
        {
            store.Recovery = stored;
        }

        var controllers = new FakeControllerPorts();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton(new InfusionSuite.Application.Hosting.IoTime(clock)); // the store's retry waits too: on the fake clock, advanced by the test
        builder.Services.AddSingleton<IIngestStore>(store);
        builder.Services.AddSingleton<ISessionHistory>(store);
        builder.Services.AddSingleton<IControllerPresence>(controllers);
        builder.Services.AddSingleton<IDuplicateMessageCounter>(controllers);
        builder.Services.AddSingleton<IStorageOutages, SimulatedOutages>();
        builder.AddIngest();
        var host = builder.Build();
        await host.StartAsync(Timeouts.Token());
        var harness = new WriterHarness(host, clock, store, controllers);
        await Timeouts.UntilAsync(() => harness.State.IsRunning, "the writer to start");
        return harness;
    }

    public ValueTask SendAsync(ControllerMessage message) => Queue.WriteAsync(message, Timeouts.Token());

    public async ValueTask DisposeAsync()
    {
        Store.Release();
        await _host.StopAsync(Timeouts.Token());
        _host.Dispose();
    }
}
