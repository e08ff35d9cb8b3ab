using System.CommandLine;
using InfusionSuite.Web.Accounts;
using InfusionSuite.Web.Commands;

namespace InfusionSuite.Host.Commands;

/// <summary>
/// <c>users add --name NAME --role nurse|engineer|admin --display "NAME" [--practitioner ID] --password-stdin</c>,
/// <c>users disable|enable|unlock --name NAME</c>, <c>users token --name NAME</c> (prints the token once), <c>users list</c>:
/// the nurse station's accounts in the configured database (<see cref="StaffCommand"/> does the work).
/// </summary>
internal static class UsersCommand
{
    public static Command Create(CommandConsole console)
    {
        var users = new Command("users", "The nurse station's accounts in the configured database (Storage:Provider and its setting).");
        users.Subcommands.Add(Add(console));
        users.Subcommands.Add(SetDisabled(console, "disable", "Disable an account and revoke its API tokens.", disabled: true));
        users.Subcommands.Add(SetDisabled(console, "enable", "Enable an account again.", disabled: false));
        users.Subcommands.Add(Unlock(console));
        users.Subcommands.Add(Token(console));
        users.Subcommands.Add(List(console));
        return users;
    }

    private static Command Add(CommandConsole console)
    {
        var name = NameOption();
        var role = new Option<string>("--role") { Description = "nurse, engineer or admin.", Required = true, HelpName = "nurse|engineer|admin" };
        role.Validators.Add(r =>
        {
            if (!StaffClaims.TryParseRole(r.GetValueOrDefault<string>(), out _))
            {
                r.AddError("--role must be nurse, engineer or admin.");
            }
        });
        var display = new Option<string>("--display") { Description = "The name shown on the board and in records.", Required = true, HelpName = "DISPLAY NAME" };
        var practitioner = new Option<string?>("--practitioner") { Description = "The nurse at the EHR (optional): Practitioner/{id} (the EHR's own id, sent as given) or the nurse's NPI (10 digits: the EHR is searched for the Practitioner with it when a record is sent; HL7 v2 sends it as is).", HelpName = "Practitioner/ID|NPI" };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from the first line of standard input.", Required = true };
        var add = new Command("add", "Add an account; the password is read from standard input.") { name, role, display, practitioner, passwordStdin };
        add.Validators.Add(r =>
        {
            if (r.GetResult(passwordStdin) is null)
            {
                r.AddError("Option '--password-stdin' is required: the password is read from standard input, never from the command line.");
            }
        });
        add.SetAction(async (result, cancellationToken) =>
        {
            StaffClaims.TryParseRole(result.GetValue(role), out var staffRole);
            await using var host = CommandHost.Build(result);
            return await Staff(host).AddAsync(
                result.GetRequiredValue(name), result.GetRequiredValue(display), staffRole, result.GetValue(practitioner), console.In, console.Out, console.Error, cancellationToken);
        });
        return add;
    }

    private static Command SetDisabled(CommandConsole console, string verb, string description, bool disabled)
    {
        var name = NameOption();
        var command = new Command(verb, description) { name };
        command.SetAction(async (result, cancellationToken) =>
        {
            await using var host = CommandHost.Build(result);
            return await Staff(host).SetDisabledAsync(result.GetRequiredValue(name), disabled, console.Out, console.Error, cancellationToken);
        });
        return command;
    }

    private static Command Unlock(CommandConsole console)
    {
        var name = NameOption();
        var unlock = new Command("unlock", "End an account's lockout after failed sign-ins at once.") { name };
        unlock.SetAction(async (result, cancellationToken) =>
        {
            await using var host = CommandHost.Build(result);
            return await Staff(host).UnlockAsync(result.GetRequiredValue(name), console.Out, console.Error, cancellationToken);
        });
        return unlock;
    }

    private static Command Token(CommandConsole console)
    {
        var name = NameOption();
        var token = new Command("token", "Issue a new API token for an account; it is printed once.") { name };
        token.SetAction(async (result, cancellationToken) =>
        {
            await using var host = CommandHost.Build(result);
            return await Staff(host).IssueTokenAsync(result.GetRequiredValue(name), console.Out, console.Error, cancellationToken);
        });
        return token;
    }

    private static Command List(CommandConsole console)
    {
        var list = new Command("list", "List the accounts: name, role, state, display name.");
        list.SetAction(async (result, cancellationToken) =>
        {
            await using var host = CommandHost.Build(result);
            return await Staff(host).ListAsync(console.Out, cancellationToken);
        });
        return list;
    }

    private static Option<string> NameOption() => new("--name") { Description = "The account's user name.", Required = true, HelpName = "NAME" };

    private static StaffCommand Staff(WebApplication host) => host.Services.GetRequiredService<StaffCommand>();
}
