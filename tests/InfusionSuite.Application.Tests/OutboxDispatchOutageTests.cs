using InfusionSuite.Application.Hosting;
using InfusionSuite.Application.Outbox;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace InfusionSuite.Application.Tests;

/// <summary>
/// Issue 18's trial: during a database outage the outbox dispatch logged an error at every pass. A pass that meets the database
/// away logs nothing of its own (the outage's one line down, one line back); a pass that fails for any other reason is an error.
/// </summary>
public sealed class OutboxDispatchOutageTests
{
    private static readonly TimeSpan s_poll = TimeSpan.FromSeconds(5);

    [Fact(Timeout = 30_000)]
    public async Task PassesThatMeetTheDatabaseAway_LogOneLineDownAndOneBack_AnotherFailureIsAnError()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
        var logs = new FakeLogCollector();
        var outage = new DatabaseOutage(new SimulatedOutages(), new FakeLogger<DatabaseOutage>(logs));
        var outbox = new ScriptedOutbox(
            () => throw new TimeoutException(SimulatedOutages.Message),
            () => throw new TimeoutException(SimulatedOutages.Message),
            () => throw new TimeoutException(SimulatedOutages.Message),
            () => [],
            () => throw new InvalidOperationException("not an outage"));
        using var dispatcher = new Dispatcher(outbox, time, new FakeLogger<Dispatcher>(logs), outage);

        await dispatcher.StartAsync(CancellationToken.None);
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (outbox.Passes < 6)
        {
            time.Advance(s_poll);
            await Task.Delay(10, limit.Token);
        }

        await dispatcher.StopAsync(CancellationToken.None);

        var lines = logs.GetSnapshot().Where(r => r.Level >= LogLevel.Information).Select(r => (r.Level, r.Message)).ToList();
        Assert.Collection(
            lines,
            started => Assert.Equal((LogLevel.Information, true), (started.Level, started.Message.StartsWith("TEST delivery started", StringComparison.Ordinal))),
            down => Assert.Equal((LogLevel.Warning, true), (down.Level, down.Message.StartsWith("Database unreachable (simulated outage), seen by TEST outbox dispatch", StringComparison.Ordinal))),
            back => Assert.Equal((LogLevel.Information, true), (back.Level, back.Message.StartsWith("Database reachable again (seen by TEST outbox dispatch)", StringComparison.Ordinal))),
            failed => Assert.Equal((LogLevel.Error, "A TEST outbox pass failed (InvalidOperationException); retrying after the poll interval."), (failed.Level, failed.Message)));
    }

    private sealed class Dispatcher(IOutbox outbox, TimeProvider time, ILogger logger, DatabaseOutage outage) : OutboxDispatcher(outbox, time, logger, outage)
    {
        protected override string Channel => "TEST";

        protected override string ContentType => "text/plain";

        protected override string? OffBecause => null;

        protected override OutboxDispatchSettings Settings => new(10, s_poll, s_poll, s_poll);

        protected override Task<OutboxDeliveryResult> DeliverOneAsync(OutboxItem item, CancellationToken cancellationToken) =>
            throw new NotSupportedException("no items in this test");
    }

    /// <summary>An outbox whose passes (claims of due items) go as scripted, then find nothing due.</summary>
    private sealed class ScriptedOutbox(params Func<IReadOnlyList<OutboxItem>>[] passes) : IOutbox
    {
        private int _passes;

        public int Passes => Volatile.Read(ref _passes);

        public Task<IReadOnlyList<OutboxItem>> TakeDueAsync(string contentType, DateTimeOffset now, int maxItems, CancellationToken cancellationToken)
        {
            var pass = Interlocked.Increment(ref _passes) - 1;
            return Task.FromResult(pass < passes.Length ? passes[pass]() : []);
        }

        public Task EnqueueAsync(OutboxItem item, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task RecordAttemptAsync(Guid itemId, OutboxAttempt attempt, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task RecordValidationAsync(Guid itemId, PayloadValidationReport report, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task MarkSentAsync(Guid itemId, DateTimeOffset sentAt, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task ScheduleRetryAsync(Guid itemId, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task WaitAsync(Guid itemId, DateTimeOffset nextAttemptAt, string waitingFor, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task ParkAsync(Guid itemId, string reason, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> RequeueAsync(Guid itemId, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<OutboxItem>> ListAsync(OutboxQuery query, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
