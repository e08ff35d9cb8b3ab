using InfusionSuite.Application.Outbox;
using InfusionSuite.Fhir;
using InfusionSuite.Fhir.Outbox;
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
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(args);
        Operations.AppFolderSettingsFiles.UseWhenMissing(builder);
        var settings = builder.Configuration;
        if (string.IsNullOrWhiteSpace(settings["out"]))
        {
            await Console.Error.WriteLineAsync($"Usage: {Verb} --out FILE [--status Pending|Sent|Parked] [--session SESSION_ID]");
            return 2;
        }

        OutboxStatus? status = null;
        if (settings["status"] is { Length: > 0 } text)
        {
            if (!Enum.TryParse<OutboxStatus>(text, ignoreCase: true, out var parsed))
            {
                await Console.Error.WriteLineAsync($"--status must be Pending, Sent or Parked, not '{text}'.");
                return 2;
            }

            status = parsed;
        }

        builder.AddStorage();
        builder.AddEhrDelivery();
        using var host = builder.Build();
        try
        {
            var outbox = host.Services.GetRequiredService<IOutbox>();
            var path = Path.GetFullPath(settings["out"]!);
            await using var file = File.Create(path);
            var count = await FhirNdjsonExport.WriteAsync(outbox, new OutboxQuery(status, settings["session"], int.MaxValue), file, CancellationToken.None);
            await Console.Out.WriteLineAsync($"Wrote {count} FHIR Bundle(s) to {path}.");
            return 0;
        }
        catch (OptionsValidationException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
    }
}
