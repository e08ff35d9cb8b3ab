using InfusionSuite.Domain.Controllers;
using InfusionSuite.Simulator.Engine;
using InfusionSuite.Simulator.Outputs;

namespace InfusionSuite.Web.Tests.Browser;

/// <summary>
/// A controller driven by hand over the station's real MQTT broker: it says hello, sends the samples and events a
/// test asks for (stamped with the host's scaled clock), and drops off the link (the broker publishes its Last Will).
/// </summary>
internal sealed class HandChair(BrowserStation station, string controllerId) : IAsyncDisposable
{
    private readonly MqttControllerOutput _output = new(new MqttOutputOptions
    {
        Host = station.Broker.Host, Port = station.Broker.Port, Site = "clinic", ControllerId = controllerId,
        Timeout = BrowserStation.BrokerTimeout,
    });

    private readonly uint _boot = (uint)Random.Shared.Next(1, int.MaxValue);
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private Task? _talking;
    private uint _seq;
    private decimal _coolantC;
    private ControllerAlarms _alarms;

    public Task HelloAsync() =>
        _output.HelloAsync(new ControllerHello(controllerId, _boot, "CoolCap C3", "4.2.1", 1), HelloReason.PowerOn, CancellationToken.None);

    public Task EventAsync(ControllerEventKind kind, string? detail = null) =>
        _output.EventAsync(new ControllerEvent(controllerId, _boot, ++_seq, station.Clock.GetUtcNow(), kind, detail), CancellationToken.None);

    /// <summary>The state the controller reports in its samples (cooling unless told).</summary>
    public ControllerState State { get; set; } = ControllerState.Cooling;

    public async Task SampleAsync(decimal coolantC, ControllerAlarms alarms = ControllerAlarms.None)
    {
        await _sending.WaitAsync();
        try
        {
            await _output.TelemetryAsync(
                new TelemetrySample(controllerId, _boot, ++_seq, station.Clock.GetUtcNow(), State, Temperature.FromCelsius(coolantC), Temperature.FromCelsius(18.5m), 900, true, alarms),
                CancellationToken.None);
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>Sends this sample now and then every real second (a controller's cadence), so the station keeps the controller online.</summary>
    public async Task KeepTalkingAsync(decimal coolantC, ControllerAlarms alarms = ControllerAlarms.None)
    {
        (_coolantC, _alarms) = (coolantC, alarms);
        await SampleAsync(coolantC, alarms);
        _talking ??= Task.Run(async () =>
        {
            using var tick = new PeriodicTimer(TimeSpan.FromSeconds(1));
            while (await Tick(tick))
            {
                await SampleAsync(_coolantC, _alarms);
            }
        });
    }

    private async Task<bool> Tick(PeriodicTimer tick)
    {
        try
        {
            return await tick.WaitForNextTickAsync(_stop.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The link drops: the broker publishes the Last Will and the station marks the controller offline.</summary>
    public async Task DropAsync()
    {
        await _stop.CancelAsync();
        await (_talking ?? Task.CompletedTask);
        await _output.OfflineAsync(OfflineReason.Disconnect, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await (_talking ?? Task.CompletedTask);
        await _output.DisposeAsync();
        _stop.Dispose();
        _sending.Dispose();
    }
}
