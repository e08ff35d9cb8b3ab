using System.CommandLine;

namespace InfusionSuite.Host.Commands;

/// <summary><c>serve</c> (also the default): runs the worker and the nurse station until stopped.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var serve = new Command("serve", "Run the worker and the nurse station until stopped (the default).");
        serve.SetAction(RunAsync);
        return serve;
    }

    public static async Task<int> RunAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(SettingsArguments.Of(result));
        builder.AddInfusionSuite();
        var app = builder.Build();
        app.MapInfusionSuite();
        await app.RunAsync(); // stops on Ctrl-C or SIGTERM through the host's own lifetime
        return 0;
    }
}
