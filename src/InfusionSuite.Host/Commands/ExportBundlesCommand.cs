using System.CommandLine;
using InfusionSuite.Host.Delivery;

namespace InfusionSuite.Host.Commands;

/// <summary><c>export-bundles --out FILE [--status Pending|Sent|Parked] [--session ID]</c> (<see cref="BundleExportCommand"/> does the work).</summary>
internal static class ExportBundlesCommand
{
    public static Command Create(CommandConsole console)
    {
        var output = new Option<string>("--out") { Description = "The NDJSON file to write (one Bundle a line, oldest first).", Required = true, HelpName = "FILE" };
        var status = new Option<string?>("--status") { Description = "Only items in this state.", HelpName = "Pending|Sent|Parked" };
        var session = new Option<string?>("--session") { Description = "Only this session's items.", HelpName = "SESSION_ID" };
        var export = new Command(BundleExportCommand.Verb, "Write the outbox's FHIR transaction Bundles as NDJSON, without starting the worker.") { output, status, session };
        export.SetAction((result, cancellationToken) => BundleExportCommand.RunAsync(
            SettingsArguments.Of(result), result.GetRequiredValue(output), result.GetValue(status), result.GetValue(session), console, cancellationToken));
        return export;
    }
}
