using InfusionSuite.Application.Outbox;
using InfusionSuite.Fhir;
using InfusionSuite.Fhir.Outbox;
using InfusionSuite.Host.Commands;
using InfusionSuite.Storage;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Host.Delivery;

/// <summary>
/// <c>export-bundles --out FILE [--status Pending|Sent|Parked] [--session ID]</c>: writes the outbox's
/// FHIR transaction Bundles as NDJSON (one per line, oldest first) from the configured database,
/// without starting the worker (no controller link, no writer, no dispatcher). Settings as for the
/// worker (appsettings, environment, <c>--Storage:DatabasePath=…</c>).
/// </summary>
internal static class BundleExportCommand
{
    public const string Verb = "export-bundles";

    /// <summary>The verb's work; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] settings, string output, string? statusText, string? session, CommandConsole console, CancellationToken cancellationToken)
    {
        OutboxStatus? status = null;
        if (statusText is { Length: > 0 })
        {
            if (!Enum.TryParse<OutboxStatus>(statusText, ignoreCase: true, out var parsed))
            {
                await console.Error.WriteLineAsync($"--status must be Pending, Sent or Parked, not '{statusText}'.");
                return 2;
            }

            status = parsed;
        }

        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(settings);
        Operations.AppFolderSettingsFiles.UseWhenMissing(builder);
        builder.AddStorage();
        builder.AddEhrDelivery();
        using var host = builder.Build();
        try
        {
            var outbox = host.Services.GetRequiredService<IOutbox>();
            var path = Path.GetFullPath(output);
            await using var file = File.Create(path);
            var count = await FhirNdjsonExport.WriteAsync(outbox, new OutboxQuery(status, session, int.MaxValue), file, cancellationToken);
            await console.Out.WriteLineAsync($"Wrote {count} FHIR Bundle(s) to {path}.");
            return 0;
        }
        catch (OptionsValidationException e)
        {
            await console.Error.WriteLineAsync(e.Message);
            return 1;
        }
    }
}
