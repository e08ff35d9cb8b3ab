using InfusionSuite.Application.Hosting;
using InfusionSuite.Application.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace InfusionSuite.Application.Tests;

/// <summary>How the service stopped becomes the exit code a supervisor acts on (systemd's Restart=on-failure).</summary>
public sealed class ServiceRunTests
{
    [Fact(Timeout = 30_000)]
    public async Task BackgroundServiceThatFails_StopsTheHost_NonZero_WithOneLine()
    {
        var error = new StringWriter();
        using var host = Build(services => services.AddHostedService<FailingWorker>());

        var exit = await host.RunServiceAsync(error);

        Assert.Equal(ServiceRun.FatalExitCode, exit);
        Assert.Equal("InfusionSuite stopped: FailingWorker failed: SQLite Error 13: 'database or disk is full'.", error.ToString().TrimEnd());
    }

    [Fact(Timeout = 30_000)]
    public async Task DatabaseUnusableAtStart_StopsBeforeTheHostStarts_NonZero_WithItsLine()
    {
        var error = new StringWriter();
        var started = false;
        using var host = Build(services =>
        {
            services.AddSingleton<IDatabaseMigrator>(new UnusableDatabase());
            services.AddHostedService(_ => new StartWatcher(() => started = true));
        });

        var exit = await host.RunServiceAsync(error);

        Assert.Equal(ServiceRun.FatalExitCode, exit);
        Assert.Equal("InfusionSuite stopped: Storage: the database /x.db is corrupt (page 3).", error.ToString().TrimEnd());
        Assert.False(started);
    }

    [Fact(Timeout = 30_000)]
    public async Task OrdinaryStop_ExitsZero_Silently()
    {
        var error = new StringWriter();
        using var host = Build(services => services.AddHostedService(sp => new StartWatcher(() => sp.GetRequiredService<IHostApplicationLifetime>().StopApplication())));

        Assert.Equal(0, await host.RunServiceAsync(error));
        Assert.Empty(error.ToString());
    }

    private static IHost Build(Action<IServiceCollection> configure)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        configure(builder.Services);
        return builder.Build();
    }

    private sealed class FailingWorker : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Yield();
            throw new InvalidOperationException("SQLite Error 13: 'database or disk is full'.");
        }
    }

    private sealed class UnusableDatabase : IDatabaseMigrator
    {
        public Task EnsureMigratedAsync(CancellationToken cancellationToken) =>
            throw new StorageUnavailableException("Storage: the database /x.db is corrupt (page 3).");
    }

    private sealed class StartWatcher(Action onStart) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            onStart();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
