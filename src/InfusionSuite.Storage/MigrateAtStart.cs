using InfusionSuite.Application.Ports;
using Microsoft.Extensions.Hosting;

namespace InfusionSuite.Storage;

/// <summary>Brings the configured database (either engine) to the current schema when the host starts, before the writer opens it.</summary>
internal sealed class MigrateAtStart(IDatabaseMigrator migrator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrator.EnsureMigratedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
