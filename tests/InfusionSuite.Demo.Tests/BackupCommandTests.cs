using Microsoft.Data.Sqlite;

namespace InfusionSuite.Demo.Tests;

/// <summary><c>backup --to FILE</c> while the demo writes: a consistent copy with the stored sessions; it never overwrites.</summary>
public sealed class BackupCommandTests
{
    [Fact(Timeout = 120_000)]
    public async Task BackupWhileTheDemoRuns_CopiesTheDatabase_AndRefusesToOverwrite()
    {
        using var data = new TempFolder();
        await using (var demo = await DemoHost.StartAsync(data.Path, 600))
        {
            await Testing.Eventually.HoldsAsync(() => demo.Board.Current().Count(r => r.SessionId is not null) >= 2, TimeSpan.FromSeconds(30), "two sessions");
            var target = Path.Combine(data.Path, "backups", "copy.db");
            var (code, output) = await RunHostAsync("backup", "--to", target, "--Storage:DatabasePath=" + demo.Settings.DatabasePath);
            Assert.True(code == 0, output);
            Assert.Contains("Backed up", output, StringComparison.Ordinal);

            await using var copy = new SqliteConnection($"Data Source={target};Mode=ReadOnly;Pooling=False");
            await copy.OpenAsync();
            await using var count = copy.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM sessions";
            Assert.True((long)(await count.ExecuteScalarAsync())! >= 2);

            var (again, refusal) = await RunHostAsync("backup", "--to", target, "--Storage:DatabasePath=" + demo.Settings.DatabasePath);
            Assert.Equal(1, again);
            Assert.Contains("exists already", refusal, StringComparison.Ordinal);
        }
    }

    /// <summary>The production host's own executable, as an operator runs it.</summary>
    private static async Task<(int ExitCode, string Output)> RunHostAsync(params string[] args)
    {
        var (code, output, error) = await Testing.HostProcess.RunAsync("InfusionSuite.Host.dll", AppContext.BaseDirectory, null, args);
        return (code, output + error);
    }
}
