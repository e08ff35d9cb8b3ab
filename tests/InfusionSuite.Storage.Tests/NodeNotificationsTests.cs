using InfusionSuite.Application.Hosting;
using InfusionSuite.Storage.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace InfusionSuite.Storage.Tests;

/// <summary>
/// Nurse actions across nodes react to PostgreSQL's NOTIFY, not to a poll: on a clock that never moves (so the fallback
/// look of every second never comes), a command sent to the owner, an answer sent back and a session another worker
/// changed each wake their waiter at once, even when the NOTIFY arrives between the waiter's look in the table and its wait.
/// </summary>
public sealed class NodeNotificationsTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    [Fact(Timeout = 60_000)]
    public async Task CommandAnnouncedBetweenTheLookAndTheWait_WakesTheOwnerAtOnce_WithoutAPoll()
    {
        await using var node = await ListeningNodeAsync();
        var signal = node.Notifications.CommandsSignal; // the inbox's look in nurse_commands happens here, finding nothing
        await node.Store.ExecuteAsync("SELECT pg_notify('nurse_commands', 'north')");
        await WaitUntilAsync(() => signal.IsCompleted); // the NOTIFY arrived before the inbox began to wait

        await node.Notifications.WaitAsync(signal, NodeNotifications.Poll, CancellationToken.None).WaitAsync(Limit);
    }

    [Fact(Timeout = 60_000)]
    public async Task AnswerAnnounced_WakesTheSenderAtOnce_BeforeOrDuringItsWait()
    {
        await using var node = await ListeningNodeAsync();
        await node.Store.ExecuteAsync("SELECT pg_notify('nurse_answers', '41')");
        await node.Notifications.WaitForAnswerAsync(41, CancellationToken.None).WaitAsync(Limit); // announced before the wait

        var waiting = node.Notifications.WaitForAnswerAsync(42, CancellationToken.None);
        await node.Store.ExecuteAsync("SELECT pg_notify('nurse_answers', '42')");
        await waiting.WaitAsync(Limit); // announced during it
    }

    [Fact(Timeout = 60_000)]
    public async Task SessionsAnotherWorkerChanged_WakeTheBoardAtOnce_AndAreTakenOnce()
    {
        await using var node = await ListeningNodeAsync();
        var signal = node.Notifications.SessionsSignal;
        await node.Store.ExecuteAsync("SELECT pg_notify('sessions_changed', 'worker-elsewhere|s-1,s-2')");

        await node.Notifications.WaitAsync(signal, NodeNotifications.Poll, CancellationToken.None).WaitAsync(Limit);
        Assert.Equal(["s-1", "s-2"], node.Notifications.TakeChangedSessions().Order(StringComparer.Ordinal));
        Assert.Empty(node.Notifications.TakeChangedSessions());
    }

    private static async Task<ListeningNode> ListeningNodeAsync()
    {
        var store = StoreFixture.PostgreSqlWorker("north");
        await store.OpenAsync();
        var notifications = new NodeNotifications(
            store.Services.GetRequiredService<DatabaseConnections>(), store.Services.GetRequiredService<DatabaseOutage>(),
            new FakeTimeProvider(Sessions.Nine), NullLogger<NodeNotifications>.Instance);
        await notifications.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => notifications.Listening > 0);
        return new ListeningNode(store, notifications);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var limit = new CancellationTokenSource(Limit);
        while (!condition())
        {
            await Task.Delay(20, limit.Token);
        }
    }

    private sealed record ListeningNode(StoreFixture Store, NodeNotifications Notifications) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Notifications.StopAsync(CancellationToken.None);
            Notifications.Dispose();
            await Store.DisposeAsync();
        }
    }
}
