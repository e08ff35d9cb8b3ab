using InfusionSuite.Fhir.Delivery;
using InfusionSuite.Fhir.Mapping;
using InfusionSuite.Fhir.Outbox;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace InfusionSuite.Fhir.Tests;

/// <summary>The dispatcher over the outbox contract, on a fake clock: schedule, Retry-After, parking, requeue, restarts.</summary>
[Collection(ValidatorCollection.Name)]
public sealed class FhirDispatcherTests(ValidatorFixture fixture)
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 27, 18, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(s_now);
    private readonly InMemoryFhirOutbox _outbox = new();
    private readonly FhirDeliveryOptions _options = new()
    {
        BaseUrl = new Uri("https://ehr.example.org/fhir/"),
        ValidateBeforeSending = false,
        OutboxRetryDelay = TimeSpan.FromSeconds(30),
        OutboxMaxRetryDelay = TimeSpan.FromMinutes(15),
    };

    [Fact]
    public async Task TransientFailure_IsRetriedOnThePersistedScheduleWithBackoff()
    {
        var transport = new ScriptedTransport().Then(Transient(503)).Then(Transient(null));
        var item = Enqueue("d-1");

        await Dispatcher(transport).DispatchDueAsync(CancellationToken.None);
        var first = _outbox[item.Id];
        Assert.Equal(FhirOutboxStatus.Pending, first.Status);
        Assert.InRange(first.NextAttemptAt - s_now, TimeSpan.FromSeconds(24), TimeSpan.FromSeconds(36));

        _time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(0, await Dispatcher(transport).DispatchDueAsync(CancellationToken.None));

        _time.SetUtcNow(first.NextAttemptAt);
        await Dispatcher(transport).DispatchDueAsync(CancellationToken.None);
        var second = _outbox[item.Id];
        Assert.InRange(second.NextAttemptAt - first.NextAttemptAt, TimeSpan.FromSeconds(48), TimeSpan.FromSeconds(72));

        _time.SetUtcNow(second.NextAttemptAt);
        await Dispatcher(transport).DispatchDueAsync(CancellationToken.None);
        var sent = _outbox[item.Id];
        Assert.Equal(FhirOutboxStatus.Sent, sent.Status);
        Assert.Equal([1, 2, 3], sent.Attempts.Select(a => a.Number));
        Assert.Equal([503, null, 200], sent.Attempts.Select(a => a.HttpStatus));
        Assert.Equal(second.NextAttemptAt, sent.SentAt);
    }

    [Fact]
    public async Task RetryAfterLongerThanTheBackoff_IsHonoured()
    {
        var transport = new ScriptedTransport().Then(new FhirSendResult(FhirAttemptOutcome.TransientFailure, 429, "Slow down.", TimeSpan.FromMinutes(10)));
        var item = Enqueue("d-2");

        await Dispatcher(transport).DispatchDueAsync(CancellationToken.None);

        Assert.Equal(s_now + TimeSpan.FromMinutes(10), _outbox[item.Id].NextAttemptAt);
    }

    [Fact]
    public async Task BackoffIsCappedAtTheMaximumDelay()
    {
        var transport = new ScriptedTransport();
        for (var i = 0; i < 12; i++)
        {
            transport.Then(Transient(500));
        }

        var item = Enqueue("d-3");
        for (var i = 0; i < 12; i++)
        {
            _time.SetUtcNow(_outbox[item.Id].NextAttemptAt);
            await Dispatcher(transport).DispatchDueAsync(CancellationToken.None);
        }

        var last = _outbox[item.Id];
        Assert.InRange(last.NextAttemptAt - last.Attempts[^1].FinishedAt, TimeSpan.FromMinutes(12), TimeSpan.FromMinutes(18));
        Assert.Equal(FhirOutboxStatus.Pending, last.Status);
    }

    [Fact]
    public async Task Rejection_ParksWithTheServersMessageAndARequeueSendsItAgain()
    {
        var transport = new ScriptedTransport().Then(new FhirSendResult(FhirAttemptOutcome.Rejected, 400, "Procedure.subject: unknown patient"));
        var item = Enqueue("d-4");

        await Dispatcher(transport).DispatchDueAsync(CancellationToken.None);
        Assert.Equal((FhirOutboxStatus.Parked, "Procedure.subject: unknown patient"), (_outbox[item.Id].Status, _outbox[item.Id].ParkedReason));
        _time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await Dispatcher(transport).DispatchDueAsync(CancellationToken.None));

        Assert.True(await _outbox.RequeueAsync(item.Id, _time.GetUtcNow(), CancellationToken.None));
        await Dispatcher(transport).DispatchDueAsync(CancellationToken.None);

        Assert.Equal(FhirOutboxStatus.Sent, _outbox[item.Id].Status);
        Assert.Equal([FhirAttemptOutcome.Rejected, FhirAttemptOutcome.Sent], _outbox[item.Id].Attempts.Select(a => a.Outcome));
    }

    [Fact]
    public async Task Restart_KeepsTheQueueAndItsSchedule()
    {
        var item = Enqueue("d-5");
        await Dispatcher(new ScriptedTransport().Then(Transient(502))).DispatchDueAsync(CancellationToken.None);
        var due = _outbox[item.Id].NextAttemptAt;

        var restarted = new ScriptedTransport();
        _time.SetUtcNow(due - TimeSpan.FromSeconds(1));
        await Dispatcher(restarted).DispatchDueAsync(CancellationToken.None);
        Assert.Empty(restarted.Sent);

        _time.SetUtcNow(due);
        await Dispatcher(restarted).DispatchDueAsync(CancellationToken.None);
        Assert.Single(restarted.Sent);
        Assert.Equal(FhirOutboxStatus.Sent, _outbox[item.Id].Status);
    }

    [Fact]
    public async Task ValidationBeforeSending_KeepsTheReportAndParksAnInvalidBundleWithoutSendingIt()
    {
        _options.ValidateBeforeSending = true;
        var transport = new ScriptedTransport();
        var valid = Enqueue("d-6");
        var broken = Enqueue("d-7") with { };
        _outbox.Enqueue(broken with
        {
            Id = Guid.NewGuid(),
            BundleJson = broken.BundleJson.Replace("\"status\":\"completed\",", string.Empty, StringComparison.Ordinal),
        });

        await Dispatcher(transport).DispatchDueAsync(CancellationToken.None);

        Assert.True(_outbox[valid.Id].Validation!.IsValid);
        Assert.Equal(FhirOutboxStatus.Sent, _outbox[valid.Id].Status);
        var parked = Assert.Single(await _outbox.ListAsync(new FhirOutboxQuery(FhirOutboxStatus.Parked), CancellationToken.None));
        Assert.False(parked.Validation!.IsValid);
        Assert.StartsWith("The Bundle is not valid FHIR R4", parked.ParkedReason, StringComparison.Ordinal);
        Assert.Equal(FhirAttemptOutcome.Invalid, parked.Attempts.Single().Outcome);
        Assert.Equal(2, transport.Sent.Count);
    }

    [Fact]
    public async Task NoEhrConfigured_BundlesAreKeptViewableAndExportableAsNdjson()
    {
        var transport = new ScriptedTransport(configured: false);
        var items = new[] { Enqueue("d-8"), Enqueue("d-9") };

        Assert.Equal(0, await Dispatcher(transport).DispatchDueAsync(CancellationToken.None));
        var kept = await _outbox.ListAsync(new FhirOutboxQuery(FhirOutboxStatus.Pending), CancellationToken.None);
        Assert.Equal(2, kept.Count);
        using var ndjson = new MemoryStream();
        Assert.Equal(2, await FhirNdjsonExport.WriteAsync(_outbox, new FhirOutboxQuery(), ndjson, CancellationToken.None));

        var lines = System.Text.Encoding.UTF8.GetString(ndjson.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(items.Select(i => i.BundleJson), lines);
        Assert.All(lines, l => Assert.Equal(Hl7.Fhir.Model.Bundle.BundleType.Transaction, FhirJson.Parse<Hl7.Fhir.Model.Bundle>(l).Type));
        Assert.Empty(transport.Sent);
    }

    [Fact]
    public async Task BackgroundService_WaitsOnTheTimeProviderAndDeliversWhatBecomesDue()
    {
        var transport = new ScriptedTransport().Then(Transient(503));
        var item = Enqueue("d-10");
        using var dispatcher = Dispatcher(transport);
        await dispatcher.StartAsync(CancellationToken.None);
        try
        {
            await WaitUntilAsync(() => _outbox[item.Id].Attempts.Count == 1);
            _time.Advance(TimeSpan.FromMinutes(1));
            await WaitUntilAsync(() => _outbox[item.Id].Status == FhirOutboxStatus.Sent, () => _time.Advance(_options.PollInterval));
        }
        finally
        {
            await dispatcher.StopAsync(CancellationToken.None);
        }

        Assert.Equal(2, transport.Sent.Count);
    }

    private static FhirSendResult Transient(int? status) => new(FhirAttemptOutcome.TransientFailure, status, "Service unavailable.");

    private static async Task WaitUntilAsync(Func<bool> condition, Action? nudge = null)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            nudge?.Invoke();
            await Task.Delay(10, limit.Token);
        }
    }

    private FhirOutboxItem Enqueue(string sessionId)
    {
        var record = SimulatedSessions.Normal(sessionId);
        var item = new FhirOutboxItems(new SessionBundleMapper(new FhirMappingOptions())).Create(record, SimulatedSessions.Context(record), _time.GetUtcNow());
        _outbox.Enqueue(item);
        return item;
    }

    private FhirDispatcher Dispatcher(ScriptedTransport transport) =>
        new(_outbox, transport, fixture.Validator, Options.Create(_options), _time, NullLogger<FhirDispatcher>.Instance);
}
