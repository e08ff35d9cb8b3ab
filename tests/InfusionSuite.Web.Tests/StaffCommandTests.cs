using InfusionSuite.Application.Staff;
using InfusionSuite.Host.Commands;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionSuite.Web.Tests;

/// <summary>
/// The admin command through the host's command line (against the station's database): add a user from
/// a password on stdin, disable, issue a token printed once.
/// </summary>
public sealed class StaffCommandTests : StationTest
{
    [Fact(Timeout = 30_000)]
    public async Task AddTokenDisable_WorkAndNeverPrintThePassword()
    {
        var (code, output, error) = await RunAsync("a long enough password\n", "users", "add", "--name", "Bob", "--role", "nurse", "--display", "Bob B", "--password-stdin");
        Assert.Equal(0, code);
        Assert.Equal("Added bob (nurse).", output.Trim());
        Assert.DoesNotContain("a long enough password", output + error, StringComparison.Ordinal);
        var account = (await Host.Services.GetRequiredService<IStaffAccounts>().FindByNameAsync("bob", CancellationToken.None))!;
        Assert.Equal(StaffRole.Nurse, account.Role);
        Assert.DoesNotContain("a long enough password", account.PasswordHash, StringComparison.Ordinal);

        var (tokenCode, token, _) = await RunAsync(string.Empty, "users", "token", "--name", "bob");
        Assert.Equal(0, tokenCode);
        using var robot = Host.Client(null);
        robot.DefaultRequestHeaders.Authorization = new("Bearer", token.Trim());
        Assert.Equal(System.Net.HttpStatusCode.OK, (await robot.GetAsync("/api/board")).StatusCode);

        Assert.Equal(0, (await RunAsync(string.Empty, "users", "disable", "--name", "bob")).Code);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await robot.GetAsync("/api/board")).StatusCode);
        Assert.Equal(1, (await RunAsync(string.Empty, "users", "token", "--name", "bob")).Code);
    }

    [Fact(Timeout = 30_000)]
    public async Task BadArgumentsOrShortPassword_AreRefused()
    {
        Assert.Equal(2, (await RunAsync(string.Empty, "users", "add", "--name", "x")).Code);
        Assert.Equal(2, (await RunAsync(string.Empty, "users", "frobnicate")).Code);
        Assert.Equal(2, (await RunAsync("password123456\n", "users", "add", "--name", "x", "--role", "surgeon", "--display", "X", "--password-stdin")).Code);
        var (code, _, error) = await RunAsync("short\n", "users", "add", "--name", "x", "--role", "nurse", "--display", "X", "--password-stdin");
        Assert.Equal(1, code);
        Assert.Contains("at least", error, StringComparison.Ordinal);
        Assert.Equal(1, (await RunAsync("another long password\n", "users", "add", "--name", "alice", "--role", "nurse", "--display", "A", "--password-stdin")).Code);
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(string stdin, params string[] args)
    {
        using var input = new StringReader(stdin);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await HostCommandLine.InvokeAsync([.. args, "--Storage:DatabasePath=" + Db.Path, "--Logging:LogLevel:Default=Warning"], new CommandConsole(input, output, error));
        return (code, output.ToString(), error.ToString());
    }
}
