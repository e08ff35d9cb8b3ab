using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Devices.Serial;

/// <summary>
/// Starts one <see cref="SerialPortLink"/> (a BackgroundService of its own) per configured port,
/// from the options validated at start, and stops them together.
/// </summary>
internal sealed class SerialLinkService(IServiceProvider services, IOptions<SerialLinkOptions> options) : IHostedService, IDisposable
{
    private SerialPortLink[] _links = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        _links = [.. settings.Ports.Select(port => ActivatorUtilities.CreateInstance<SerialPortLink>(services, port, settings))];
        foreach (var link in _links)
        {
            await link.StartAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_links.Select(link => link.StopAsync(cancellationToken)));

    public void Dispose()
    {
        foreach (var link in _links)
        {
            link.Dispose();
        }
    }
}
