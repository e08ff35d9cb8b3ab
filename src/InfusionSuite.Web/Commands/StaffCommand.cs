using InfusionSuite.Application.Ports;
using InfusionSuite.Application.Staff;
using InfusionSuite.Web.Accounts;

namespace InfusionSuite.Web.Commands;

/// <summary>
/// The work of the host's <c>users</c> command (the host parses the command line): add a user with a
/// password read from the input, disable or enable one, issue an API token (printed once), list them.
/// Exit codes: 0 done, 1 refused (the message says why).
/// </summary>
internal sealed class StaffCommand(StaffAccountService service, IStaffAccounts accounts, IDatabaseMigrator migrator)
{
    private static string Actor => CommandLineActor.Name;

    /// <summary>Adds a user; the password is the first line of <paramref name="passwordInput"/>, never printed.</summary>
    public async Task<int> AddAsync(
        string name, string display, StaffRole role, string? practitioner, TextReader passwordInput, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(passwordInput);
        await migrator.EnsureMigratedAsync(cancellationToken);
        var password = (await passwordInput.ReadLineAsync(cancellationToken))?.TrimEnd('\r') ?? string.Empty;
        var (account, problem) = await service.AddAsync(name, display, role, password, practitioner, Actor, cancellationToken);
        return await ReportAsync(account is not null, $"Added {account?.UserName} ({StaffClaims.RoleName(role)}).", problem ?? string.Empty, output, error);
    }

    /// <summary>Disables (revoking the user's tokens) or enables a user.</summary>
    public async Task<int> SetDisabledAsync(string name, bool disabled, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        await migrator.EnsureMigratedAsync(cancellationToken);
        var changed = await service.SetDisabledAsync(name, disabled, Actor, cancellationToken);
        return await ReportAsync(changed, $"{(disabled ? "Disabled" : "Enabled")} {name.ToLowerInvariant()}.", "No such user.", output, error);
    }

    /// <summary>Ends a user's lockout at once.</summary>
    public async Task<int> UnlockAsync(string name, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        await migrator.EnsureMigratedAsync(cancellationToken);
        var done = await service.UnlockAsync(name, Actor, cancellationToken);
        return await ReportAsync(done, $"Unlocked {name.ToLowerInvariant()}.", "No such user.", output, error);
    }

    /// <summary>Issues a new API token and prints it once.</summary>
    public async Task<int> IssueTokenAsync(string name, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        await migrator.EnsureMigratedAsync(cancellationToken);
        var token = await service.IssueTokenAsync(name, Actor, cancellationToken);
        return await ReportAsync(token is not null, token ?? string.Empty, "No such user, or the user is disabled.", output, error);
    }

    /// <summary>One line per user: name, role, state, display name.</summary>
    public async Task<int> ListAsync(TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        await migrator.EnsureMigratedAsync(cancellationToken);
        foreach (var a in await accounts.ListAsync(cancellationToken))
        {
            await output.WriteLineAsync($"{a.UserName}\t{StaffClaims.RoleName(a.Role)}\t{(a.Disabled ? "disabled" : "active")}\t{a.DisplayName}");
        }

        return 0;
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
}
