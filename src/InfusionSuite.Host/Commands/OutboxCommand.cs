using System.CommandLine;
using InfusionSuite.Host.Delivery;

namespace InfusionSuite.Host.Commands;

/// <summary>
/// <c>outbox parked</c>, <c>outbox retry ITEM_ID [--note TEXT]</c>, <c>outbox handled ITEM_ID --note TEXT [--ehr-id Type/id]</c>
/// (<see cref="ParkedItemCommand"/> does the work): the staff actions on parked outbox items, audited as <c>command-line (os-user)</c>.
/// </summary>
internal static class OutboxCommand
{
    public static Command Create(CommandConsole console)
    {
        var outbox = new Command("outbox", "Parked EHR deliveries (FHIR Bundles, HL7 v2 messages): list them, retry one, or record one as handled outside InfusionSuite.");
        var parked = new Command("parked", "List the parked items, newest first.");
        parked.SetAction((result, cancellationToken) => ParkedItemCommand.ListAsync(SettingsArguments.Of(result), console, cancellationToken));
        outbox.Subcommands.Add(parked);
        outbox.Subcommands.Add(Action("retry", "Send a parked item again (the same message, the same control id).", noteRequired: false, ParkedItemAction.Retry, console));
        outbox.Subcommands.Add(Action("handled", "Record that a parked item was dealt with outside InfusionSuite: it is never sent.", noteRequired: true, ParkedItemAction.HandledOutside, console));
        return outbox;
    }

    private static Command Action(string name, string description, bool noteRequired, ParkedItemAction kind, CommandConsole console)
    {
        var item = new Argument<Guid>("ITEM_ID") { Description = "The outbox item's id (from `outbox parked` or the session page)." };
        var note = new Option<string?>("--note") { Description = "Why, or what was done (kept in the audit).", Required = noteRequired, HelpName = "TEXT" };
        var command = new Command(name, description) { item, note };
        var ehrId = new Option<string?>("--ehr-id")
        {
            Description = "The part the item stopped at is at the EHR under this id (e.g. Procedure/123, found after its answer was lost or keyed in by hand): it counts as delivered with it, and the rest of the item goes on.",
            HelpName = "TYPE/ID",
        };
        if (kind == ParkedItemAction.HandledOutside)
        {
            command.Options.Add(ehrId);
        }

        command.SetAction((result, cancellationToken) => ParkedItemCommand.RunAsync(
            SettingsArguments.Of(result), kind, result.GetValue(item), result.GetValue(note), kind == ParkedItemAction.HandledOutside ? result.GetValue(ehrId) : null, console, cancellationToken));
        return command;
    }
}
