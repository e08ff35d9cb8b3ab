using InfusionSuite.Application.Ports;
using InfusionSuite.Application.Staff;
using InfusionSuite.Web.Accounts;

namespace InfusionSuite.Web.Commands;

/// <summary>
/// The admin command, run instead of the host:
/// <c>users add --name alice --role nurse --display "Alice N" [--practitioner ID] --password-stdin</c>,
/// <c>users disable|enable --name alice</c>, <c>users token --name robot</c> (prints the token once), <c>users list</c>.
/// Exit codes: 0 done, 1 refused (the message says why), 2 usage.
/// </summary>
internal sealed class StaffCommand(StaffAccountService service, IStaffAccounts accounts, IDatabaseMigrator migrator)
{
    public const string Actor = "command-line";

    private const string Usage = """
        usage:
          users add --name NAME --role nurse|engineer|admin --display "DISPLAY NAME" [--practitioner ID] --password-stdin
          users disable --name NAME
          users enable --name NAME
          users token --name NAME        (prints a new API token once)
          users list
        """;

    public static bool Handles(string[] args) => args.Length > 0 && args[0] == "users";

    public async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (args.Length < 2 || !TryOptions(args.AsSpan(2), out var options))
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        await migrator.EnsureMigratedAsync(cancellationToken);
        options.TryGetValue("name", out var name);
        switch (args[1])
        {
            case "add":
                if (name is null || !options.TryGetValue("display", out var display) || !StaffClaims.TryParseRole(options.GetValueOrDefault("role"), out var role)
                    || !options.ContainsKey("password-stdin"))
                {
                    await error.WriteLineAsync(Usage);
                    return 2;
                }

                var password = (await input.ReadLineAsync(cancellationToken))?.TrimEnd('\r') ?? string.Empty;
                var (account, problem) = await service.AddAsync(name, display!, role, password, options.GetValueOrDefault("practitioner"), Actor, cancellationToken);
                return await ReportAsync(account is not null, $"Added {account?.UserName} ({StaffClaims.RoleName(role)}).", problem ?? string.Empty, output, error);
            case "disable" or "enable" when name is not null:
                var changed = await service.SetDisabledAsync(name, args[1] == "disable", Actor, cancellationToken);
                return await ReportAsync(changed, $"{(args[1] == "disable" ? "Disabled" : "Enabled")} {name.ToLowerInvariant()}.", "No such user.", output, error);
            case "token" when name is not null:
                var token = await service.IssueTokenAsync(name, Actor, cancellationToken);
                return await ReportAsync(token is not null, token ?? string.Empty, "No such user, or the user is disabled.", output, error);
            case "list":
                foreach (var a in await accounts.ListAsync(cancellationToken))
                {
                    await output.WriteLineAsync($"{a.UserName}\t{StaffClaims.RoleName(a.Role)}\t{(a.Disabled ? "disabled" : "active")}\t{a.DisplayName}");
                }

                return 0;
            default:
                await error.WriteLineAsync(Usage);
                return 2;
        }
    }

    private static async Task<int> ReportAsync(bool done, string message, string problem, TextWriter output, TextWriter error)
    {
        if (done)
        {
            await output.WriteLineAsync(message);
            return 0;
        }

        await error.WriteLineAsync(problem);
        return 1;
    }

    /// <summary><c>--key value</c> pairs; <c>--password-stdin</c> is a flag; <c>--Section:Key=value</c> host settings are left to the host.</summary>
    private static bool TryOptions(ReadOnlySpan<string> args, out Dictionary<string, string?> options)
    {
        options = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                return false;
            }

            var key = args[i][2..];
            if (key.Contains('=', StringComparison.Ordinal))
            {
                continue; // a host setting such as --Storage:DatabasePath=…
            }

            if (key == "password-stdin")
            {
                options[key] = null;
            }
            else if (i + 1 < args.Length)
            {
                options[key] = args[++i];
            }
            else
            {
                return false;
            }
        }

        return true;
    }
}
