using InfusionSuite.Application.Outbox;
using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Billing;
using InfusionSuite.Hl7.Delivery;
using InfusionSuite.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace InfusionSuite.Hl7.Tests;

/// <summary>
/// The SQLite store with the HL7 channel as the host registers them (<c>AddStorage</c>,
/// <c>AddHl7Delivery</c>), on a database file in a fresh temp folder, on a fake clock; MLLP to
/// <paramref name="port"/>. The host is built, not started: tests drive the store and the dispatcher.
/// </summary>
internal sealed class Hl7StoreFixture : IAsyncDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("infusionsuite-hl7-");
    private readonly IHost _host;

    public Hl7StoreFixture(int port = 1, bool enabled = true)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = Path.Combine(_folder.FullName, "store.db"),
            ["Hl7:Enabled"] = enabled ? "true" : "false",
            ["Hl7:SendingFacility"] = "NORTH-ONC",
            ["Hl7:ReceivingApplication"] = "EPIC",
            ["Hl7:ReceivingFacility"] = "NORTH",
            ["Hl7:Host"] = "127.0.0.1",
            ["Hl7:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Hl7:ConnectTimeout"] = "00:00:05",
            ["Hl7:AckTimeout"] = "00:00:10",
        });
        builder.Services.AddSingleton<TimeProvider>(Clock);
        // A payer that still takes the Category III codes after 2025 (these tests' sessions are in 2026): one DFT per 0663T/0662T.
        builder.Services.AddSingleton(new BillingPolicy { SiteTimeZone = Hl7Sessions.NewYork, Codes = BillingCodeSet.Create(ShippedBillingCodes.CategoryIIIOpenEnded) });
        builder.AddStorage();
        builder.AddHl7Delivery();
        _host = builder.Build();
    }

    public FakeTimeProvider Clock { get; } = new(Hl7Sessions.Morning.AddHours(4));

    public IServiceProvider Services => _host.Services;

    public IIngestStore Store => _host.Services.GetRequiredService<IIngestStore>();

    public IOutbox Outbox => _host.Services.GetRequiredService<IOutbox>();

    public Hl7Dispatcher Dispatcher => _host.Services.GetRequiredService<Hl7Dispatcher>();

    public async Task OpenAsync() => await Store.OpenAsync(DateTimeOffset.MinValue.AddYears(1), CancellationToken.None);

    /// <summary>The HL7 items, oldest first.</summary>
    public async Task<IReadOnlyList<OutboxItem>> ItemsAsync(string? sessionId = null) =>
        [.. (await Outbox.ListAsync(new OutboxQuery(SessionId: sessionId, Limit: 1000), CancellationToken.None)).Reverse()];

    public async ValueTask DisposeAsync()
    {
        if (_host.Services.GetRequiredService<IIngestStore>() is IAsyncDisposable store)
        {
            await store.DisposeAsync();
        }

        _host.Dispose();
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless
        }
    }
}
