using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace InfusionSuite.Application.Board;

/// <summary>Fans notifications out to every subscriber's bounded channel.</summary>
internal sealed class BoardNotifications : IBoardNotifications
{
    private const int SubscriberBuffer = 256;
    private readonly Lock _lock = new();
    private readonly List<Channel<BoardNotification>> _subscribers = [];

    public async IAsyncEnumerable<BoardNotification> SubscribeAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<BoardNotification>(
            new BoundedChannelOptions(SubscriberBuffer) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        lock (_lock)
        {
            _subscribers.Add(channel);
        }

        try
        {
            await foreach (var notification in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return notification;
            }
        }
        finally
        {
            lock (_lock)
            {
                _subscribers.Remove(channel);
            }
        }
    }

    public void Publish(BoardNotification notification)
    {
        lock (_lock)
        {
            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryWrite(notification);
            }
        }
    }
}
