using InfusionSuite.Application.Controllers;
using InfusionSuite.Devices.Links;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Devices.Liveness;

/// <summary>
/// Marks controllers offline when nothing came from them for <see cref="LivenessOptions.OfflineAfter"/>,
/// checking ten times per offline-after period on the TimeProvider.
/// </summary>
internal sealed class LivenessMonitor(
    ControllerPresence presence,
    IControllerMessageSink sink,
    TimeProvider timeProvider,
    IOptions<LivenessOptions> options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = options.Value.OfflineAfter / 10;
        using var timer = new PeriodicTimer(period, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var now = timeProvider.GetUtcNow();
                foreach (var entry in presence.MarkSilentOffline(now))
                {
                    await sink.WriteAsync(PresenceMessages.Offline(entry, PresenceReason.Silent, now), stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }
}
