using System.CommandLine;

namespace InfusionSuite.Host.Commands;

/// <summary>
/// The production host's one command line: <c>serve</c> (the default), <c>users …</c>, <c>backup</c>, <c>copy-to-postgresql</c>,
/// <c>export-bundles</c> and <c>settings-doc</c>, each with <c>--help</c>; host settings anywhere.
/// </summary>
public static class HostCommandLine
{
    public const string Description = """
        InfusionSuite worker and nurse station. Without a command it serves (as 'serve').
        Host settings go anywhere on the line, as in appsettings.json: --Section:Key=value or --Section:Key value
        (for example --Storage:DatabasePath=/srv/infusionsuite/site.db, --urls http://0.0.0.0:8080).
        """;

    /// <summary>Runs the command named by <paramref name="args"/> on the process's console; returns the exit code.</summary>
    public static Task<int> InvokeAsync(string[] args) => InvokeAsync(args, CommandConsole.Standard);

    /// <summary>Runs the command named by <paramref name="args"/>; returns the exit code (0 done, 1 refused, 2 usage).</summary>
    public static Task<int> InvokeAsync(IReadOnlyList<string> args, CommandConsole console) =>
        CommandLineInvocation.InvokeAsync(Root(console), args, console);

    private static RootCommand Root(CommandConsole console)
    {
        var root = new RootCommand(Description);
        root.SetAction(ServeCommand.RunAsync);
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(UsersCommand.Create(console));
        root.Subcommands.Add(BackupCommand.Create(console));
        root.Subcommands.Add(CopyToPostgreSqlCommand.Create(console));
        root.Subcommands.Add(ExportBundlesCommand.Create(console));
        root.Subcommands.Add(OutboxCommand.Create(console));
        root.Subcommands.Add(SettingsDocCommand.Create(console));
        return root;
    }
}
