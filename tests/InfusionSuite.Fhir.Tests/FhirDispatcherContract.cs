using InfusionSuite.Application.Outbox;
using InfusionSuite.Fhir.Delivery;
using InfusionSuite.Fhir.Mapping;
using InfusionSuite.Fhir.Outbox;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace InfusionSuite.Fhir.Tests;

/// <summary>
/// The dispatcher over the outbox contract, on a fake clock: schedule, Retry-After, parking, requeue,
/// restarts, listing. Runs against every <see cref="IOutbox"/>: the in-memory reference here
/// (<see cref="FhirDispatcherTests"/>) and storage's SQLite outbox (tests/InfusionSuite.Storage.Tests).
/// </summary>
public abstract class FhirDispatcherContract(ValidatorFixture fixture) : IAsyncLifetime
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 27, 18, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(s_now);
    private IOutboxUnderTest _outbox = null!;
    private readonly FhirDeliveryOptions _options = new()
    {
        BaseUrl = new Uri("https://ehr.example.org/fhir/"),
        ValidateBeforeSending = false,
        OutboxRetryDelay = TimeSpan.FromSeconds(30),
        OutboxMaxRetryDelay = TimeSpan.FromMinutes(15),
    };

    public async Task InitializeAsync() => _outbox = await CreateOutboxAsync();

    public async Task DisposeAsync() => await _outbox.DisposeAsync();

    [Fact]
    public async Task TransientFailure_IsRetriedOnThePersistedScheduleWithBackoff()
    {
        var transport = new ScriptedTransport().Then(Transient(503)).Then(Transient(null));
        var item = await EnqueueAsync("d-1");

        await Dispatcher(transport).DispatchDueAsync(CancellationToken.None);
        var first = (await Item(item.Id));
        Assert.Equal(OutboxStatus.Pending, first.Status);
        Assert.InRange(first.NextAttemptAt - s_now, TimeSpan.FromSeconds(24), TimeSpan.FromSeconds(36));

        _time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(0, await Dispatcher(transport).DispatchDueAsync(CancellationToken.None));

        _time.SetUtcNow(first.NextAttemptAt);
        await Dispatcher(transport).DispatchDueAsync(CancellationToken.None);
        var second = (await Item(item.Id));
        Assert.InRange(second.NextAttemptAt - first.NextAttemptAt, TimeSpan.FromSeconds(48), TimeSpan.FromSeconds(72));

        _time.SetUtcNow(second.NextAttemptAt);
        await Dispatcher(transport).DispatchDueAsync(CancellationToken.None);
        var sent = (await Item(item.Id));
        Assert.Equal(OutboxStatus.Sent, sent.Status);
        Assert.Equal([1, 2, 3], sent.Attempts.Select(a => a.Number));
        Assert.Equal([503, null, 200], sent.Attempts.Select(a => a.HttpStatus));
        Assert.Equal(second.NextAttemptAt, sent.SentAt);
    }

    [Fact]
    public async Task RetryAfterLongerThanTheBackoff_IsHonoured()
    {
        var transport = new ScriptedTransport().Then(new FhirSendResult(OutboxAttemptOutcome.TransientFailure, 429, "Slow down.", TimeSpan.FromMinutes(10)));
        var item = await EnqueueAsync("d-2");

        await Dispatcher(transport).DispatchDueAsync(CancellationToken.None);

        Assert.Equal(s_now + TimeSpan.FromMinutes(10), (await Item(item.Id)).NextAttemptAt);
    }

    [Fact]
    public async Task BackoffIsCappedAtTheMaximumDelay()
    {
        var transport = new ScriptedTransport();
        for (var i = 0; i < 12; i++)
        {
            transport.Then(Transient(500));
        }

        var item = await EnqueueAsync("d-3");
        for (var i = 0; i < 12; i++)
        {
            _time.SetUtcNow((await Item(item.Id)).NextAttemptAt);
            await Dispatcher(transport).DispatchDueAsync(CancellationToken.None);
        }

        var last = (await Item(item.Id));
        Assert.InRange(last.NextAttemptAt - last.Attempts[^1].FinishedAt, TimeSpan.FromMinutes(12), TimeSpan.FromMinutes(18));
        Assert.Equal(OutboxStatus.Pending, last.Status);
    }

    [Fact]
    public async Task Rejection_ParksWithTheServersMessageAndARequeueSendsItAgain()
    {
        var transport = new ScriptedTransport().Then(new FhirSendResult(OutboxAttemptOutcome.Rejected, 400, "Procedure.subject: unknown patient"));
        var item = await EnqueueAsync("d-4");

        await Dispatcher(transport).DispatchDueAsync(CancellationToken.None);
        Assert.Equal((OutboxStatus.Parked, "Procedure.subject: unknown patient"), ((await Item(item.Id)).Status, (await Item(item.Id)).ParkedReason));
        _time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await Dispatcher(transport).DispatchDueAsync(CancellationToken.None));

        Assert.True(await _outbox.RequeueAsync(item.Id, _time.GetUtcNow(), CancellationToken.None));
        await Dispatcher(transport).DispatchDueAsync(CancellationToken.None);

        Assert.Equal(OutboxStatus.Sent, (await Item(item.Id)).Status);
        Assert.Equal([OutboxAttemptOutcome.Rejected, OutboxAttemptOutcome.Sent], (await Item(item.Id)).Attempts.Select(a => a.Outcome));
    }

    [Fact]
    public async Task Restart_KeepsTheQueueAndItsSchedule()
    {
        var item = await EnqueueAsync("d-5");
        await Dispatcher(new ScriptedTransport().Then(Transient(502))).DispatchDueAsync(CancellationToken.None);
        var due = (await Item(item.Id)).NextAttemptAt;

        var restarted = new ScriptedTransport();
        _time.SetUtcNow(due - TimeSpan.FromSeconds(1));
        await Dispatcher(restarted).DispatchDueAsync(CancellationToken.None);
        Assert.Empty(restarted.Sent);

        _time.SetUtcNow(due);
        await Dispatcher(restarted).DispatchDueAsync(CancellationToken.None);
        Assert.Single(restarted.Sent);
        Assert.Equal(OutboxStatus.Sent, (await Item(item.Id)).Status);
    }

    [Fact]
    public async Task ValidationBeforeSending_KeepsTheReportAndParksAnInvalidBundleWithoutSendingIt()
    {
        _options.ValidateBeforeSending = true;
        var transport = new ScriptedTransport();
        var valid = await EnqueueAsync("d-6");
        var broken = await EnqueueAsync("d-7");
        await _outbox.EnqueueAsync(broken with
        {
            Id = Guid.NewGuid(),
            Payload = broken.Payload.Replace("\"status\":\"completed\",", string.Empty, StringComparison.Ordinal),
        });

        await Dispatcher(transport).DispatchDueAsync(CancellationToken.None);

        Assert.True((await Item(valid.Id)).Validation!.IsValid);
        Assert.Equal(OutboxStatus.Sent, (await Item(valid.Id)).Status);
        var parked = Assert.Single(await _outbox.ListAsync(new OutboxQuery(OutboxStatus.Parked), CancellationToken.None));
        Assert.False(parked.Validation!.IsValid);
        Assert.StartsWith("The Bundle is not valid FHIR R4", parked.ParkedReason, StringComparison.Ordinal);
        Assert.Equal(OutboxAttemptOutcome.Invalid, parked.Attempts.Single().Outcome);
        Assert.Equal(2, transport.Sent.Count);
    }

    [Fact]
    public async Task NoEhrConfigured_BundlesAreKeptViewableAndExportableAsNdjson()
    {
        var transport = new ScriptedTransport(configured: false);
        var items = new[] { await EnqueueAsync("d-8"), await EnqueueAsync("d-9") };

        Assert.Equal(0, await Dispatcher(transport).DispatchDueAsync(CancellationToken.None));
        var kept = await _outbox.ListAsync(new OutboxQuery(OutboxStatus.Pending), CancellationToken.None);
        Assert.Equal(2, kept.Count);
        using var ndjson = new MemoryStream();
        Assert.Equal(2, await FhirNdjsonExport.WriteAsync(_outbox, new OutboxQuery(), ndjson, CancellationToken.None));

        var lines = System.Text.Encoding.UTF8.GetString(ndjson.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(items.Select(i => i.Payload), lines);
        Assert.All(lines, l => Assert.Equal(Hl7.Fhir.Model.Bundle.BundleType.Transaction, FhirJson.Parse<Hl7.Fhir.Model.Bundle>(l).Type));
        Assert.Empty(transport.Sent);
    }

    [Fact]
    public async Task BackgroundService_WaitsOnTheTimeProviderAndDeliversWhatBecomesDue()
    {
        var transport = new ScriptedTransport().Then(Transient(503));
        var item = await EnqueueAsync("d-10");
        using var dispatcher = Dispatcher(transport);
        await dispatcher.StartAsync(CancellationToken.None);
        try
        {
            await WaitUntilAsync(async () => (await Item(item.Id)).Attempts.Count == 1);
            _time.Advance(TimeSpan.FromMinutes(1));
            await WaitUntilAsync(async () => (await Item(item.Id)).Status == OutboxStatus.Sent, () => _time.Advance(_options.PollInterval));
        }
        finally
        {
            await dispatcher.StopAsync(CancellationToken.None);
        }

        Assert.Equal(2, transport.Sent.Count);
    }

    [Fact]
    public async Task List_IsNewestFirstAndFiltersByStatusAndSession()
    {
        var older = await EnqueueAsync("d-11");
        _time.Advance(TimeSpan.FromSeconds(1));
        var newer = await EnqueueAsync("d-12");
        await _outbox.ParkAsync(older.Id, "Refused.", CancellationToken.None);

        Assert.Equal([newer.Id, older.Id], (await _outbox.ListAsync(new OutboxQuery(), CancellationToken.None)).Select(i => i.Id));
        Assert.Equal([older.Id], (await _outbox.ListAsync(new OutboxQuery(OutboxStatus.Parked), CancellationToken.None)).Select(i => i.Id));
        Assert.Equal([newer.Id], (await _outbox.ListAsync(new OutboxQuery(SessionId: "d-12"), CancellationToken.None)).Select(i => i.Id));
        Assert.Equal([newer.Id], (await _outbox.ListAsync(new OutboxQuery(Limit: 1), CancellationToken.None)).Select(i => i.Id));
        var kept = await Item(newer.Id);
        Assert.Equal((newer.Payload, newer.Kind, newer.EnqueuedAt, OutboxStatus.Pending), (kept.Payload, kept.Kind, kept.EnqueuedAt, kept.Status));
    }

    [Fact]
    public async Task TakeDue_IsOldestDueFirstAndLeavesWhatIsNotDueSentOrParked()
    {
        var late = await EnqueueAsync("d-13");
        var first = await EnqueueAsync("d-14");
        var sent = await EnqueueAsync("d-15");
        var parked = await EnqueueAsync("d-16");
        await _outbox.ScheduleRetryAsync(late.Id, s_now + TimeSpan.FromMinutes(2), CancellationToken.None);
        await _outbox.ScheduleRetryAsync(first.Id, s_now + TimeSpan.FromMinutes(1), CancellationToken.None);
        await _outbox.MarkSentAsync(sent.Id, s_now, CancellationToken.None);
        await _outbox.ParkAsync(parked.Id, "Refused.", CancellationToken.None);

        Assert.Empty(await _outbox.TakeDueAsync(FhirOutboxItems.ContentType, s_now + TimeSpan.FromSeconds(59), 10, CancellationToken.None));
        Assert.Equal([first.Id, late.Id], (await _outbox.TakeDueAsync(FhirOutboxItems.ContentType, s_now + TimeSpan.FromMinutes(5), 10, CancellationToken.None)).Select(i => i.Id));
        Assert.Equal([first.Id], (await _outbox.TakeDueAsync(FhirOutboxItems.ContentType, s_now + TimeSpan.FromMinutes(5), 1, CancellationToken.None)).Select(i => i.Id));
        Assert.Equal(s_now, (await Item(sent.Id)).SentAt);
    }

    [Fact]
    public async Task Requeue_OnlyFromParked_ClearsReasonAndValidation_AttemptsStayInOrder()
    {
        var item = await EnqueueAsync("d-17");
        Assert.False(await _outbox.RequeueAsync(item.Id, s_now, CancellationToken.None));
        var report = fixture.Validator.ValidateJson(item.Payload);
        await _outbox.RecordValidationAsync(item.Id, report, CancellationToken.None);
        await _outbox.RecordAttemptAsync(item.Id, new OutboxAttempt(1, s_now, s_now.AddSeconds(1), OutboxAttemptOutcome.TransientFailure, null, "Connection refused."), CancellationToken.None);
        await _outbox.RecordAttemptAsync(item.Id, new OutboxAttempt(2, s_now.AddSeconds(2), s_now.AddSeconds(3), OutboxAttemptOutcome.Rejected, 422, "Unknown patient."), CancellationToken.None);
        await _outbox.ParkAsync(item.Id, "Unknown patient.", CancellationToken.None);
        var parked = await Item(item.Id);
        Assert.Equal((report.ValidatedAt, report.Issues.Count), (parked.Validation!.ValidatedAt, parked.Validation.Issues.Count));

        Assert.True(await _outbox.RequeueAsync(item.Id, s_now.AddMinutes(1), CancellationToken.None));
        Assert.False(await _outbox.RequeueAsync(item.Id, s_now.AddMinutes(1), CancellationToken.None));

        var requeued = await Item(item.Id);
        Assert.Equal((OutboxStatus.Pending, null, null, s_now.AddMinutes(1)), (requeued.Status, requeued.ParkedReason, requeued.Validation, requeued.NextAttemptAt));
        Assert.Equal(
            [(1, OutboxAttemptOutcome.TransientFailure, (int?)null, "Connection refused."), (2, OutboxAttemptOutcome.Rejected, 422, "Unknown patient.")],
            requeued.Attempts.Select(a => (a.Number, a.Outcome, a.HttpStatus, a.ServerMessage)));
        Assert.Equal(s_now.AddSeconds(3), requeued.Attempts[1].FinishedAt);
    }

    [Fact]
    public async Task Attempt_KeepsTheReceiversIdsAsData_NotOnlyInItsMessage()
    {
        var item = await EnqueueAsync("d-18");
        ReceiverResource[] resources =
        [
            new("Procedure 97008", "Procedure/123", "created"),
            new("ChargeItem charge/97008", "ChargeItem/9", "credited"),
            new("Observation observation/pre-cooling", null, ReceiverResource.NoAnswer),
        ];

        await _outbox.RecordAttemptAsync(item.Id, new OutboxAttempt(1, s_now, s_now.AddSeconds(1), OutboxAttemptOutcome.TransientFailure, null, "3 lines for staff") { Resources = resources }, CancellationToken.None);
        await _outbox.RecordAttemptAsync(item.Id, new OutboxAttempt(2, s_now.AddSeconds(2), s_now.AddSeconds(3), OutboxAttemptOutcome.Rejected, 422, "Unknown patient."), CancellationToken.None);

        var stored = await Item(item.Id);
        Assert.Equal(resources, stored.Attempts[0].Resources);
        Assert.Empty(stored.Attempts[1].Resources);
    }

    private static FhirSendResult Transient(int? status) => new(OutboxAttemptOutcome.TransientFailure, status, "Service unavailable.");

    protected abstract Task<IOutboxUnderTest> CreateOutboxAsync();

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, Action? nudge = null)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!await condition())
        {
            nudge?.Invoke();
            await Task.Delay(10, limit.Token);
        }
    }

    private async Task<OutboxItem> EnqueueAsync(string sessionId)
    {
        var record = SimulatedSessions.Normal(sessionId);
        var item = new FhirOutboxItems(new SessionBundleMapper(new FhirMappingOptions())).Create(record, SimulatedSessions.Context(record), _time.GetUtcNow());
        await _outbox.EnqueueAsync(item);
        return item;
    }

    private Task<OutboxItem> Item(Guid id) => _outbox.GetAsync(id);

    private FhirDispatcher Dispatcher(ScriptedTransport transport) =>
        new(_outbox, transport, new UnusedResourceDelivery(), fixture.Validator, Options.Create(_options), _time, NullLogger<FhirDispatcher>.Instance);
}
