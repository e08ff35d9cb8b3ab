using System.Text.Json;
using InfusionSuite.Application.Ingest;
using InfusionSuite.Application.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace InfusionSuite.Web.Tests;

/// <summary>
/// Issue 16 (trial): after a restart the board said every chair was free for ~8 s, until the writer had rebuilt the
/// open sessions from the store. Until then the board is "loading": it carries no chair and no strip (none is known
/// free), on the read and on the stream; once the sessions are rebuilt the chair's session is there.
/// </summary>
public sealed class BoardLoadingTests : IAsyncLifetime
{
    private readonly TempDatabase _db = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));

    [Fact(Timeout = 60_000)]
    public async Task RestartedHost_BeforeTheSessionsAreRebuilt_SaysLoading_AndShowsNoChairFree_ThenTheSession()
    {
        var settings = StationHost.Settings(_db.Path);
        string sessionId;
        await using (var first = await StationHost.StartAsync(settings, _clock))
        {
            using var nurse = first.Client("alice");
            var (_, started) = await nurse.PostAsync("/api/sessions", new StartBody("CHAIR-01", PatientReference: "MRN-01"));
            sessionId = started.Text("sessionId")!;
        }

        var recovery = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await StationHost.RestartBeforeTheWriterAsync(settings, _clock, services => HoldRecovery(services, recovery.Task));
        using var screen = host.Client("alice");

        var (_, loading) = await screen.GetJsonAsync("/api/board");
        Assert.True(loading.GetProperty("loading").GetBoolean(), loading.ToString());
        Assert.Empty(loading.GetProperty("chairs").EnumerateArray());
        Assert.Empty(loading.GetProperty("urgent").EnumerateArray());
        var streamed = await FirstStreamedAsync(screen);
        Assert.True(streamed.GetProperty("loading").GetBoolean(), streamed.ToString());
        Assert.Empty(streamed.GetProperty("chairs").EnumerateArray());

        recovery.SetResult();
        await Eventually.HoldsAsync(() => host.Services.GetRequiredService<IngestState>().IsRunning, TimeSpan.FromSeconds(30), "the writer to rebuild the sessions");
        var (_, loaded) = await screen.GetJsonAsync("/api/board");
        Assert.False(loaded.GetProperty("loading").GetBoolean());
        var chair = loaded.GetProperty("chairs").EnumerateArray().Single(c => c.Text("controllerId") == "CHAIR-01");
        Assert.Equal(sessionId, chair.Text("sessionId"));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The real store, whose opening (the writer's rebuild of the open sessions) waits for <paramref name="until"/>, as a large one takes seconds.</summary>
    private static void HoldRecovery(IServiceCollection services, Task until)
    {
        var real = services.Last(d => d.ServiceType == typeof(IIngestStore));
        services.Remove(real);
        services.AddSingleton<IIngestStore>(sp => new SlowOpeningStore((IIngestStore)real.ImplementationFactory!(sp), until));
    }

    private static async Task<JsonElement> FirstStreamedAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/board/stream", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (await reader.ReadLineAsync(limit.Token) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                return JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone();
            }
        }

        throw new InvalidOperationException("The stream ended.");
    }

    private sealed class SlowOpeningStore(IIngestStore store, Task until) : IIngestStore
    {
        public async Task<IngestRecovery> OpenAsync(DateTimeOffset endedSince, CancellationToken cancellationToken)
        {
            await until.WaitAsync(cancellationToken);
            return await store.OpenAsync(endedSince, cancellationToken);
        }

        public Task CommitAsync(IngestBatch batch, CancellationToken cancellationToken) => store.CommitAsync(batch, cancellationToken);

        public Task<StoredSession?> LoadSessionAsync(string sessionId, CancellationToken cancellationToken) => store.LoadSessionAsync(sessionId, cancellationToken);

        public Task<IReadOnlyList<UnassignedMessage>> LoadUnassignedAsync(string controllerId, DateTimeOffset receivedSince, CancellationToken cancellationToken) =>
            store.LoadUnassignedAsync(controllerId, receivedSince, cancellationToken);

        public Task<int> PurgeUnassignedAsync(DateTimeOffset olderThan, CancellationToken cancellationToken) => store.PurgeUnassignedAsync(olderThan, cancellationToken);

        public Task CloseAsync(CancellationToken cancellationToken) => store.CloseAsync(cancellationToken);
    }
}
