using InfusionSuite.Devices.Links;
using InfusionSuite.Devices.Liveness;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace InfusionSuite.Devices.IntegrationTests;

/// <summary>A Generic Host with the controller links registered as the product registers them.</summary>
internal sealed class LinkHost : IAsyncDisposable
{
    private readonly IHost _host;
    private bool _stopped;

    private LinkHost(IHost host, RecordingHandler handler)
    {
        _host = host;
        Messages = handler;
    }

    public RecordingHandler Messages { get; }

    public ControllerPresence Presence => _host.Services.GetRequiredService<ControllerPresence>();

    public static IHost Build(IDictionary<string, string?> settings, RecordingHandler handler)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddControllerLinks();
        builder.Services.AddSingleton<IControllerMessageHandler>(handler);
        return builder.Build();
    }

    public static async Task<LinkHost> StartAsync(IDictionary<string, string?> settings, RecordingHandler? handler = null)
    {
        handler ??= new RecordingHandler();
        var host = Build(settings, handler);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await host.StartAsync(timeout.Token);
        return new LinkHost(host, handler);
    }

    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _host.StopAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _host.Dispose();
    }
}
