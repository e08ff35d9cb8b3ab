using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Billing;
using InfusionSuite.Fhir;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace InfusionSuite.Storage.Tests;

/// <summary>The SQLite store as the host registers it, on a database file in a fresh temp folder.</summary>
internal sealed class StoreFixture : IAsyncDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("infusionsuite-storage-");
    private readonly IHost _host;

    public StoreFixture(params ISessionEndParticipant[] participants)
        : this(ehrDelivery: false, participants)
    {
    }

    /// <param name="ehrDelivery">Also FHIR delivery and its session-end participant (<c>AddEhrDelivery</c>), first among the participants.</param>
    public StoreFixture(bool ehrDelivery, params ISessionEndParticipant[] participants)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DatabasePath"] = DatabasePath });
        builder.AddStorage();
        if (ehrDelivery)
        {
            builder.Services.AddSingleton(BillingPolicy.Default);
            builder.AddEhrDelivery();
        }

        foreach (var participant in participants)
        {
            builder.Services.AddSingleton(participant);
        }

        _host = builder.Build();
    }

    public string DatabasePath => Path.Combine(_folder.FullName, "store.db");

    public IIngestStore Store => _host.Services.GetRequiredService<IIngestStore>();

    public IServiceProvider Services => _host.Services;

    public async Task<IngestRecovery> OpenAsync() => await Store.OpenAsync(DateTimeOffset.MinValue.AddYears(1), CancellationToken.None);

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
