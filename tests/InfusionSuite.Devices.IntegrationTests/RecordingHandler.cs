using System.Threading.Channels;
using InfusionSuite.Devices.Links;

namespace InfusionSuite.Devices.IntegrationTests;

/// <summary>Remembers every message the pump hands over; tests wait for the ones they expect.</summary>
internal sealed class RecordingHandler : IControllerMessageHandler
{
    private readonly Channel<ControllerMessage> _arrivals = Channel.CreateUnbounded<ControllerMessage>();

    /// <summary>When set, handling throws for messages it matches (so they are not acknowledged).</summary>
    public Func<ControllerMessage, bool>? FailWhen { get; set; }

    public ValueTask HandleAsync(ControllerMessage message, CancellationToken cancellationToken)
    {
        if (FailWhen?.Invoke(message) == true)
        {
            throw new InvalidOperationException("storage is down (test)");
        }

        _arrivals.Writer.TryWrite(message);
        return ValueTask.CompletedTask;
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
