using InfusionSuite.Application.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Application.Hosting;

/// <summary>
/// Runs the service until it stops, and makes how it stopped the process exit code, so that a
/// supervisor (systemd's <c>Restart=on-failure</c>) restarts it after a fatal stop: 0 after an
/// ordinary stop; <see cref="FatalExitCode"/>, with one line on stderr saying why, when the database
/// cannot be used at start (corrupt, read-only, held by another process), its port or database is in use by another host
/// (<see cref="IExclusiveClaim"/>, claimed before anything stored changes), a setting is invalid, or a
/// background service (the ingest writer, whose commits keep failing) failed and stopped the host.
/// </summary>
public static class ServiceRun
{
    /// <summary>The exit code of a fatal stop.</summary>
    public const int FatalExitCode = 1;

    public static async Task<int> RunServiceAsync(this IHost host, TextWriter? error = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        error ??= Console.Error;
        BackgroundService[] workers = [.. host.Services.GetServices<IHostedService>().OfType<BackgroundService>()]; // RunAsync disposes the provider
        try
        {
            // First what it must have to itself (its ports, its database file): a second host or demo on the same data or port stops
            // here, before it migrates, writes or starts anything, and leaves the running one's data as it was.
            foreach (var claim in host.Services.GetServices<IExclusiveClaim>())
            {
                await claim.ClaimAsync(CancellationToken.None);
            }

            // Before the host starts, so that a database it cannot use, a bad setting or a setting the world cannot take stops it
            // with one line, not a start-up stack trace (the host logs one for anything that fails while it starts).
            if (host.Services.GetService<IDatabaseMigrator>() is { } database)
            {
                await database.EnsureMigratedAsync(CancellationToken.None);
            }

            host.Services.GetService<IStartupValidator>()?.Validate();
            foreach (var check in host.Services.GetServices<IStartupCheck>())
            {
                await check.CheckAsync(CancellationToken.None);
            }

            await host.RunAsync();
        }
        catch (Exception e) when (StopsWithOneLine(e))
        {
            await error.WriteLineAsync("InfusionSuite stopped: " + e.Message.ReplaceLineEndings(" "));
            return FatalExitCode;
        }
        catch (AggregateException e) when (e.InnerExceptions.All(i => i is OptionsValidationException))
        {
            // Several sections' settings are wrong: still one line, naming each.
            await error.WriteLineAsync("InfusionSuite stopped: " + string.Join("; ", e.InnerExceptions.Select(i => i.Message)).ReplaceLineEndings(" "));
            return FatalExitCode;
        }
        catch (Exception) when (Failed(workers) is not null)
        {
            // A failed background service may also fail the run itself (newer hosts throw): reported below.
        }

        if (Failed(workers) is not { } failed)
        {
            return 0;
        }

        var cause = failed.ExecuteTask!.Exception!.GetBaseException();
        await error.WriteLineAsync($"InfusionSuite stopped: {failed.GetType().Name} failed: {cause.Message.ReplaceLineEndings(" ")}");
        return FatalExitCode;
    }

    /// <summary>
    /// A stop whose message says it all, in one line: a database that cannot be used, a bad setting (validated, or one the
    /// configuration binder cannot read as its type, e.g. a word that is none of an enum's: its message names the key). For every entry point.
    /// </summary>
    public static bool StopsWithOneLine(Exception e) =>
        e is StorageUnavailableException or OptionsValidationException or ResourceInUseException
        || (e is InvalidOperationException && e.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal));

    private static BackgroundService? Failed(BackgroundService[] workers) =>
        workers.FirstOrDefault(s => s.ExecuteTask is { IsFaulted: true });
}
