using System.Threading.Channels;
using InfusionSuite.Application.Controllers;
using InfusionSuite.Devices.Links;
using InfusionSuite.Testing;

namespace InfusionSuite.Devices.IntegrationTests;

/// <summary>Remembers every message the pump hands over; tests wait for the ones they expect.</summary>
internal sealed class RecordingHandler : IControllerMessageHandler
{
    private readonly Channel<ControllerMessage> _arrivals = Channel.CreateUnbounded<ControllerMessage>();
    private readonly List<ControllerMessage> _all = [];

    /// <summary>When set, handling throws for messages it matches (so they are not acknowledged).</summary>
    public Func<ControllerMessage, bool>? FailWhen { get; set; }

    public ValueTask HandleAsync(ControllerMessage message, CancellationToken cancellationToken)
    {
        if (FailWhen?.Invoke(message) == true)
        {
            throw new InvalidOperationException("storage is down (test)");
        }

        lock (_all)
        {
            _all.Add(message);
        }

        _arrivals.Writer.TryWrite(message);
        return ValueTask.CompletedTask;
    }

    /// <summary>Every message of type <typeparamref name="T"/> handled so far, in order.</summary>
    public IReadOnlyList<T> All<T>()
        where T : ControllerMessage
    {
        lock (_all)
        {
            return [.. _all.OfType<T>()];
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> messages of type <typeparamref name="T"/> were handled; returns all of them.</summary>
    public async Task<IReadOnlyList<T>> WaitForAllAsync<T>(int count, TimeSpan timeout)
        where T : ControllerMessage
    {
        await Eventually.HoldsAsync(() => All<T>().Count >= count, timeout, $"{count} {typeof(T).Name} (have {All<T>().Count})");
        return All<T>();
    }

    /// <summary>Waits for the next message of type <typeparamref name="T"/> matching <paramref name="match"/>, skipping others.</summary>
    public async Task<T> WaitForAsync<T>(Func<T, bool> match, TimeSpan timeout)
        where T : ControllerMessage
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var message = await _arrivals.Reader.ReadAsync(deadline.Token);
                if (message is T typed && match(typed))
                {
                    return typed;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No matching {typeof(T).Name} within {timeout}.");
        }
    }

    public Task<T> WaitForAsync<T>(TimeSpan timeout)
        where T : ControllerMessage => WaitForAsync<T>(_ => true, timeout);
}
