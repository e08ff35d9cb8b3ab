using InfusionSuite.Application.Outbox;
using InfusionSuite.Application.Staff;
using InfusionSuite.Host.Commands;
using InfusionSuite.Storage;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Host.Delivery;

/// <summary>
/// The <c>outbox</c> command's work on the configured database, without starting the worker: list the
/// parked items, or apply a staff action (<see cref="ParkedItemActions"/>, audited with the actor
/// <c>command-line (os-user)</c>). A running worker's dispatcher picks a retried item up on its next look.
/// </summary>
internal static class ParkedItemCommand
{
    /// <summary>Who acted, for the audit: the command line and the operating-system account that ran it (a login name, no patient data).</summary>
    public static string Actor => CommandLineActor.Name;

    public static Task<int> ListAsync(string[] settings, CommandConsole console, CancellationToken cancellationToken) =>
        WithHostAsync(settings, console, async services =>
        {
            var items = await services.GetRequiredService<IOutbox>().ListAsync(new OutboxQuery(OutboxStatus.Parked, Limit: 500), cancellationToken);
            foreach (var item in items)
            {
                await console.Out.WriteLineAsync($"{item.Id:D}  {item.ContentType}  session {item.SessionId}  {item.Kind}  {item.ParkedReason}");
            }

            await console.Out.WriteLineAsync($"{items.Count} parked item(s).");
            return 0;
        });

    public static Task<int> RunAsync(string[] settings, ParkedItemAction kind, Guid itemId, string? note, string? ehrId, CommandConsole console, CancellationToken cancellationToken) =>
        WithHostAsync(settings, console, async services =>
        {
            var actions = services.GetRequiredService<ParkedItemActions>();
            if (kind == ParkedItemAction.Retry && await actions.RetryRefusedAsync(itemId, cancellationToken) is { } refused)
            {
                await console.Error.WriteLineAsync($"Outbox item {itemId:D} is not retried. {refused}");
                return 1;
            }

            if (kind == ParkedItemAction.HandledOutside && string.IsNullOrWhiteSpace(note))
            {
                await console.Error.WriteLineAsync(ParkedItemActions.NoteRequired);
                return 1;
            }

            if (!string.IsNullOrWhiteSpace(ehrId) && await actions.ReceiverIdRefusedAsync(itemId, ehrId, cancellationToken) is { } wrongId)
            {
                await console.Error.WriteLineAsync($"Outbox item {itemId:D}: {wrongId}");
                return 1;
            }

            var done = kind == ParkedItemAction.Retry
                ? await actions.RetryAsync(itemId, Actor, note, cancellationToken)
                : await actions.MarkHandledOutsideAsync(itemId, Actor, note, ehrId, cancellationToken);

            if (!done)
            {
                await console.Error.WriteLineAsync($"Outbox item {itemId:D} does not exist or is not parked (a parked item that could not be made cannot be retried).");
                return 1;
            }

            await console.Out.WriteLineAsync(kind == ParkedItemAction.Retry ? $"Outbox item {itemId:D} is queued again."
                : ehrId is null ? $"Outbox item {itemId:D} is recorded as handled outside InfusionSuite."
                : $"Outbox item {itemId:D} is recorded as handled outside InfusionSuite with the EHR's id {ehrId.Trim()}: the rest of it goes on.");
            return 0;
        });

    private static async Task<int> WithHostAsync(string[] settings, CommandConsole console, Func<IServiceProvider, Task<int>> work)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(settings);
        Operations.AppFolderSettingsFiles.UseWhenMissing(builder);
        builder.AddStorage();
        using var host = builder.Build();
        try
        {
            return await work(host.Services);
        }
        catch (OptionsValidationException e)
        {
            await console.Error.WriteLineAsync(e.Message);
            return 1;
        }
    }
}
