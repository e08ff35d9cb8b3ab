using System.Security.Cryptography;
using InfusionSuite.Application.Staff;
using InfusionSuite.Web.Accounts;

namespace InfusionSuite.Demo;

/// <summary>
/// The demo's sign-ins (nurse, engineer, admin; printed by the banner) and the autopilot's own nurse
/// account, under whose id the simulated sessions are documented. Created once per data folder.
/// </summary>
internal sealed class DemoAccounts(StaffAccountService accounts, IStaffAccounts store)
{
    public const string AutopilotUserName = "demo-nurse";

    public static IReadOnlyList<DemoAccount> SignIns { get; } =
    [
        new("nurse", "Nora Nurse (demo)", StaffRole.Nurse, "nurse-demo-1"),
        new("engineer", "Ed Engineer (demo)", StaffRole.Engineer, "engineer-demo-1"),
        new("admin", "Ada Admin (demo)", StaffRole.Admin, "admin-demo-1"),
    ];

    /// <summary>Creates the accounts that are missing; returns the autopilot nurse's user id.</summary>
    public async Task<string> EnsureAsync(CancellationToken cancellationToken)
    {
        foreach (var account in SignIns)
        {
            await AddIfMissingAsync(account, cancellationToken);
        }

        // Nobody signs in as the autopilot: its password is random and never shown.
        var autopilot = new DemoAccount(AutopilotUserName, "Demo nurse (autopilot)", StaffRole.Nurse, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));
        await AddIfMissingAsync(autopilot, cancellationToken);
        var stored = await store.FindByNameAsync(AutopilotUserName, cancellationToken);
        return stored?.UserId ?? AutopilotUserName;
    }

    private async Task AddIfMissingAsync(DemoAccount account, CancellationToken cancellationToken)
    {
        if (await store.FindByNameAsync(account.UserName, cancellationToken) is null)
        {
            var (_, problem) = await accounts.AddAsync(account.UserName, account.DisplayName, account.Role, account.Password, null, "demo", cancellationToken);
            if (problem is not null)
            {
                throw new InvalidOperationException($"Demo account {account.UserName}: {problem}");
            }
        }
    }
}
