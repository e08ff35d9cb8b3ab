using InfusionSuite.Testing;
using Microsoft.Data.Sqlite;

namespace InfusionSuite.Host.Tests;

/// <summary>
/// The host's command line as a new user tries it: help never starts the service, a setting may stand
/// anywhere and reaches the configuration, anything unknown is refused with the usage.
/// </summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly TempDatabase _workingDirectory = new();
    private readonly TempDatabase _site = new();

    private const string HostAssembly = "InfusionSuite.Host.dll";

    private string Cwd => _workingDirectory.Folder;

    [Theory(Timeout = 120_000)]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("serve", "--help")]
    [InlineData("users", "--help")]
    [InlineData("users", "add", "--help")]
    [InlineData("backup", "--help")]
    [InlineData("copy-to-postgresql", "--help")]
    [InlineData("export-bundles", "--help")]
    [InlineData("settings-doc", "--help")]
    public async Task Help_PrintsUsageAndExitsZero_WithoutStartingTheServiceOrCreatingData(params string[] args)
    {
        var (code, output, error) = await HostProcess.RunAsync(HostAssembly, Cwd, null, args);
        Assert.True(code == 0, error);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Cwd, "data")), "--help created ./data");
    }

    [Fact(Timeout = 120_000)]
    public async Task RootHelp_ListsEveryCommand()
    {
        var (_, output, _) = await HostProcess.RunAsync(HostAssembly, Cwd, null, "--help");
        Assert.All(["serve", "users", "backup", "export-bundles", "settings-doc", "--Section:Key=value"], c => Assert.Contains(c, output, StringComparison.Ordinal));
    }

    [Theory(Timeout = 120_000)]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SettingBeforeACommand_RunsTheCommand_NotTheService(bool inline)
    {
        string[] setting = inline ? ["--Storage:DatabasePath=" + _site.Path] : ["--Storage:DatabasePath", _site.Path];
        var (code, output, error) = await HostProcess.RunAsync(HostAssembly, Cwd, null, [.. setting, "users", "list"]);
        Assert.True(code == 0, error);
        Assert.DoesNotContain("Now listening", output + error, StringComparison.Ordinal);
        Assert.True(File.Exists(_site.Path), "the setting reached the configuration");
        Assert.False(Directory.Exists(Path.Combine(Cwd, "data")), "the command used ./data");
    }

    [Fact(Timeout = 120_000)]
    public async Task UsersAddWithPasswordOnStdin_WritesTheAccountToTheConfiguredDatabase()
    {
        var (code, output, error) = await HostProcess.RunAsync(
            HostAssembly, Cwd, "a long enough password\n", "users", "add", "--name", "ada", "--role", "admin", "--display", "Ada A", "--password-stdin", "--Storage:DatabasePath=" + _site.Path);
        Assert.True(code == 0, error);
        Assert.Equal("Added ada (admin).", output.Trim());
        Assert.False(Directory.Exists(Path.Combine(Cwd, "data")), "the account went to ./data");

        await using var db = new SqliteConnection($"Data Source={_site.Path};Mode=ReadOnly;Pooling=False");
        await db.OpenAsync();
        await using var query = db.CreateCommand();
        query.CommandText = "SELECT display_name FROM users WHERE user_name = 'ada'";
        Assert.Equal("Ada A", await query.ExecuteScalarAsync());
    }

    [Theory(Timeout = 120_000)]
    [InlineData("frobnicate")]
    [InlineData("--frobnicate")]
    [InlineData("serve", "--frobnicate")]
    [InlineData("users")]
    [InlineData("users", "frobnicate")]
    [InlineData("users", "add", "--name", "x")]
    [InlineData("backup")]
    [InlineData("export-bundles")]
    [InlineData("--Storage:DatabasePath")]
    public async Task UnknownOrIncompleteCommand_ExitsNonZeroWithTheUsage(params string[] args)
    {
        var (code, output, error) = await HostProcess.RunAsync(HostAssembly, Cwd, null, args);
        Assert.Equal(2, code);
        Assert.Contains("Usage:", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", output + error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Cwd, "data")));
    }

    public void Dispose()
    {
        _workingDirectory.Dispose();
        _site.Dispose();
    }
}
