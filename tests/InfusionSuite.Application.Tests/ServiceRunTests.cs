using InfusionSuite.Application.Hosting;
using InfusionSuite.Application.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

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

    /// <summary>A bad setting, however it is found at start: one line naming it, non-zero, and nothing the host itself logs about a failed start (no stack trace).</summary>
    [Theory(Timeout = 30_000)]
    [InlineData("validated", "InfusionSuite stopped: Fhir:Delivery:Shape must be Transaction, Individual or Millennium.")]
    [InlineData("checked", "InfusionSuite stopped: Fhir:Delivery:Shape is Transaction, but the EHR's /metadata declares no transaction interaction.")]
    [InlineData("unreadable", "InfusionSuite stopped: Failed to convert configuration value")]
    public async Task BadSettingFoundAtStart_StopsWithOneLineNamingIt_AndTheHostLogsNoFailedStart(string how, string line)
    {
        var error = new StringWriter();
        var started = false;
        using var host = Build(services =>
        {
            services.AddFakeLogging();
            services.AddHostedService(_ => new StartWatcher(() => started = true));
            switch (how)
            {
                case "validated":
                    services.AddOptions<ShapeSetting>().Validate(_ => false, "Fhir:Delivery:Shape must be Transaction, Individual or Millennium.").ValidateOnStart();
                    break;
                case "checked":
                    services.AddSingleton<IStartupCheck>(new RefusingCheck("Fhir:Delivery:Shape is Transaction, but the EHR's /metadata declares no transaction interaction."));
                    break;
                default:
                    services.AddOptions<ShapeSetting>().BindConfiguration("Fhir:Delivery").ValidateOnStart();
                    services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationManager { ["Fhir:Delivery:Shape"] = "Epic" });
                    break;
            }
        });

        var exit = await host.RunServiceAsync(error);

        Assert.Equal(ServiceRun.FatalExitCode, exit);
        var said = Assert.Single(error.ToString().TrimEnd().Split(Environment.NewLine));
        Assert.StartsWith(line, said, StringComparison.Ordinal);
        Assert.Contains("Fhir:Delivery:Shape", said, StringComparison.Ordinal);
        Assert.False(started);
        Assert.DoesNotContain(host.Services.GetFakeLogCollector().GetSnapshot(), r => r.Level >= LogLevel.Error);
    }

    private static IHost Build(Action<IServiceCollection> configure)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        configure(builder.Services);
        return builder.Build();
    }

    private sealed class ShapeSetting
    {
        public DayOfWeek Shape { get; set; }
    }

    private sealed class RefusingCheck(string message) : IStartupCheck
    {
        public Task CheckAsync(CancellationToken cancellationToken) =>
            throw new Microsoft.Extensions.Options.OptionsValidationException("Fhir:Delivery", typeof(ShapeSetting), [message]);
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
