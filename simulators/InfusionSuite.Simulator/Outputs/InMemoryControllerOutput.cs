using InfusionSuite.Domain.Controllers;
using InfusionSuite.Simulator.Engine;

namespace InfusionSuite.Simulator.Outputs;

/// <summary>Keeps what a controller sent, in order, for tests: <see cref="Received"/> holds hellos, samples, events, garbage and offline notices.</summary>
public sealed class InMemoryControllerOutput : IControllerOutput
{
    private readonly Lock _gate = new();
    private readonly List<object> _received = [];
    private int _undelivered;

    /// <summary>Everything so far: <see cref="ReceivedHello"/>, <see cref="TelemetrySample"/>, <see cref="ControllerEvent"/>, <see cref="GarbageItem"/>, <see cref="OfflineReason"/>.</summary>
    public IReadOnlyList<object> Received
    {
        get
        {
            lock (_gate)
            {
                return [.. _received];
            }
        }
    }

    public IReadOnlyList<TelemetrySample> Telemetry => [.. Received.OfType<TelemetrySample>()];

    public IReadOnlyList<ControllerEvent> Events => [.. Received.OfType<ControllerEvent>()];

    public bool Disposed { get; private set; }

    /// <summary>While true, samples, events and garbage are lost (counted in <see cref="Undelivered"/>), as with a broker away.</summary>
    public bool Unreachable { get; set; }

    public int Undelivered => Volatile.Read(ref _undelivered);

    public Task HelloAsync(ControllerHello hello, HelloReason reason, CancellationToken cancellationToken) => Add(new ReceivedHello(hello, reason));

    public Task TelemetryAsync(TelemetrySample sample, CancellationToken cancellationToken) => AddUnlessUnreachable(sample);

    public Task EventAsync(ControllerEvent controllerEvent, CancellationToken cancellationToken) => AddUnlessUnreachable(controllerEvent);

    public Task GarbageAsync(GarbageItem garbage, CancellationToken cancellationToken) => AddUnlessUnreachable(garbage);

    public Task OfflineAsync(OfflineReason reason, CancellationToken cancellationToken) => Add(reason);

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }

    private Task AddUnlessUnreachable(object item)
    {
        if (Unreachable)
        {
            Interlocked.Increment(ref _undelivered);
            return Task.CompletedTask;
        }

        return Add(item);
    }

    private Task Add(object item)
    {
        lock (_gate)
        {
            _received.Add(item);
        }

        return Task.CompletedTask;
    }
}
