using System.Threading.Channels;

namespace InfusionSuite.Application.Controllers;

/// <summary>
/// The bounded queue between the links and the one consumer that stores messages. Writers wait
/// when it is full; the consumer reads <see cref="Reader"/> in order.
/// </summary>
public sealed class ControllerMessageQueue : IControllerMessageSink
{
    public const int DefaultCapacity = 1024;

    private readonly Channel<ControllerMessage> _channel;

    public ControllerMessageQueue(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _channel = Channel.CreateBounded<ControllerMessage>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
        });
    }

    public ChannelReader<ControllerMessage> Reader => _channel.Reader;

    public ValueTask WriteAsync(ControllerMessage message, CancellationToken cancellationToken) =>
        _channel.Writer.WriteAsync(message, cancellationToken);
}
