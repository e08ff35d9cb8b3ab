using System.CommandLine;
using InfusionSuite.Application.Hosting;

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
        return await app.RunServiceAsync(); // until Ctrl-C or SIGTERM (0), or a fatal stop (non-zero, one line on stderr)
    }
}
