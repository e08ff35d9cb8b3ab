using InfusionSuite.Application.Hosting;
using InfusionSuite.Application.Outbox;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Fhir.Delivery;
using InfusionSuite.Fhir.Mapping;
using InfusionSuite.Fhir.Outbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace InfusionSuite.Fhir.Tests;

/// <summary>
/// The FHIR adapter as the host registers it (<see cref="EhrDeliveryRegistration.AddEhrDelivery"/>),
/// over the in-memory outbox, with short retry delays so a test waits milliseconds, not minutes.
/// </summary>
internal sealed class DeliveryHarness : IDisposable
{
    /// <summary>The site every harness is (the Device identifier system is one per site).</summary>
    public const string DeviceSystem = "urn:infusionsuite:controller:site-a";

    private readonly IHost _host;

    /// <param name="io">The clock of I/O, as a host with a faster clock registers it (the demo); real time when null.</param>
    public DeliveryHarness(Uri? baseUrl, IDictionary<string, string?>? settings = null, TimeProvider? time = null, IoTime? io = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Fhir:Delivery:BaseUrl"] = baseUrl?.ToString(),
            ["Fhir:Mapping:Site"] = "site-a",
            ["Fhir:Delivery:ValidateBeforeSending"] = "false",
            ["Fhir:Delivery:PollInterval"] = "00:00:00.050",
            ["Fhir:Delivery:AttemptTimeout"] = "00:00:10",
            ["Fhir:Delivery:InProcessRetries"] = "1",
            ["Fhir:Delivery:InProcessRetryDelay"] = "00:00:00.020",
            ["Fhir:Delivery:OutboxRetryDelay"] = "00:00:00.100",
            ["Fhir:Delivery:OutboxMaxRetryDelay"] = "00:00:00.400",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(values);
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        if (io is not null)
        {
            builder.Services.AddSingleton(io);
        }

        builder.Services.AddSingleton<IOutbox>(Outbox);
        builder.Services.AddFakeLogging();
        builder.AddEhrDelivery();
        _host = builder.Build();
    }

    public InMemoryOutbox Outbox { get; } = new();

    public IServiceProvider Services => _host.Services;

    public FhirDispatcher Dispatcher => Services.GetRequiredService<FhirDispatcher>();

    /// <summary>What the adapter logged, every line.</summary>
    public IReadOnlyList<Microsoft.Extensions.Logging.Testing.FakeLogRecord> Logs => Services.GetFakeLogCollector().GetSnapshot();

    /// <summary>The staff actions on parked items over this harness's outbox (audited in <see cref="InMemoryOutbox.StaffAudit"/>).</summary>
    public ParkedItemActions StaffActions => new(Outbox, Outbox, Services.GetRequiredService<TimeProvider>());

    /// <summary>Starts the host's hosted services (the start-up check of the EHR's CapabilityStatement among them).</summary>
    public Task StartAsync() => _host.StartAsync();

    public OutboxItem Enqueue(ScalpCoolingSessionRecord record, SessionFhirContext context, bool correction = false)
    {
        var item = Create(record, context, correction);
        Outbox.Enqueue(item);
        return item;
    }

    /// <summary>The item the FHIR adapter makes of the record, not enqueued.</summary>
    public OutboxItem Create(ScalpCoolingSessionRecord record, SessionFhirContext context, bool correction = false) =>
        Services.GetRequiredService<FhirOutboxItems>().Create(record, context, Services.GetRequiredService<TimeProvider>().GetUtcNow(), correction);

    /// <summary>Runs dispatcher passes (as the background loop would) until the item is sent or parked.</summary>
    public async Task<OutboxItem> SettleAsync(Guid itemId, TimeSpan? timeout = null)
    {
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (Outbox[itemId].Status == OutboxStatus.Pending)
        {
            if (await Dispatcher.DispatchDueAsync(limit.Token) == 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(25), limit.Token);
            }
        }

        return Outbox[itemId];
    }

    public void Dispose() => _host.Dispose();
}
