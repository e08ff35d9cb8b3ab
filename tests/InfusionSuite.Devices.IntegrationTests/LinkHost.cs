using System.Diagnostics.Metrics;
using InfusionSuite.Application.Controllers;
using InfusionSuite.Devices.Links;
using InfusionSuite.Devices.Liveness;
using InfusionSuite.Devices.Protocol;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace InfusionSuite.Devices.IntegrationTests;

/// <summary>
/// A Generic Host with the controller links registered as the product registers them, its log
/// collected (a test can insist that nothing logged an error) and its CCP/1 counters readable.
/// </summary>
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

    public static IHost Build(IDictionary<string, string?> settings, RecordingHandler handler, TimeProvider? timeProvider = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddFakeLogging();
        if (timeProvider is not null)
        {
            builder.Services.AddSingleton(timeProvider);
        }

        builder.AddControllerLinks();
        builder.Services.AddSingleton<IControllerMessageHandler>(handler);
        return builder.Build();
    }

    public static async Task<LinkHost> StartAsync(IDictionary<string, string?> settings, RecordingHandler? handler = null, TimeProvider? timeProvider = null)
    {
        handler ??= new RecordingHandler();
        var host = Build(settings, handler, timeProvider);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await host.StartAsync(timeout.Token);
        return new LinkHost(host, handler);
    }

    /// <summary>Records one counter of the meter <c>InfusionSuite.Devices</c> of this host only (not of other tests' hosts).</summary>
    public ObservedCount Counter(string instrument) =>
        new(new MetricCollector<long>(_host.Services.GetRequiredService<IMeterFactory>(), CcpMetrics.MeterName, instrument));

    /// <summary>
    /// Fails when anything in the host logged an error or a background service stopped the host
    /// (an exception escaped), as MQTTnet's test environment does.
    /// </summary>
    public void AssertHealthy()
    {
        var errors = _host.Services.GetFakeLogCollector().GetSnapshot().Where(r => r.Level >= LogLevel.Error).ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(e => $"{e.Category}: {e.Message} {e.Exception}")));
        Assert.False(
            _host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested,
            "a background service stopped the host");
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
