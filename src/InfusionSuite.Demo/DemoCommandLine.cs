using System.CommandLine;
using System.Globalization;
using InfusionSuite.Application.Hosting;
using InfusionSuite.Host;
using InfusionSuite.Host.Commands;

namespace InfusionSuite.Demo;

/// <summary>
/// The demo host's command line: <c>demo</c> (the default) with <c>--time-scale X</c> and <c>--data DIR</c>,
/// <c>--help</c>, host settings anywhere (as for the production host), usage and exit 2 on anything unknown.
/// </summary>
internal static class DemoCommandLine
{
    private const string Description = """
        InfusionSuite demo: the worker and the nurse station with six simulated chairs, an MQTT broker in
        the process, SQLite in a data folder, no EHR, on a faster clock. Without a command it runs the demo.

        """ + Settings;

    private const string Settings = """
        Host settings go anywhere on the line: --Section:Key=value or --Section:Key value. Those a demo user wants most:
          --urls http://0.0.0.0:8080                where the nurse station listens (default http://localhost:5080)
          --Demo:FreeChairs=N                       chairs left for you to run by hand, 0 to 4 (default 2)
          --Billing:SiteTimeZone=America/Chicago    the site's IANA time zone: every time shown, and the date of service (default UTC)
          --Demo:BrokerPort=N                       the MQTT broker's port on 127.0.0.1 (default: the last run's, kept in the data folder)
        Every other setting is in docs/operations.md.
        """;

    public static Task<int> InvokeAsync(string[] args) => CommandLineInvocation.InvokeAsync(Root(), args, CommandConsole.Standard);

    private static RootCommand Root()
    {
        var timeScale = new Option<double>("--time-scale")
        {
            Description = "How much faster than real time the clock runs (1 to 10000): at 30 a 3.5-hour session takes 7 minutes.",
            DefaultValueFactory = _ => DemoRegistration.DefaultTimeScale,
            HelpName = "X",
            Recursive = true,
            CustomParser = r =>
            {
                var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : string.Empty;
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var scale) && scale is >= 1 and <= 10_000)
                {
                    return scale;
                }

                r.AddError($"--time-scale must be a number from 1 to 10000 (got '{text}').");
                return DemoRegistration.DefaultTimeScale;
            },
        };
        var data = new Option<string>("--data")
        {
            Description = "The data folder (the SQLite database); the next run continues from it. Delete it to start afresh.",
            DefaultValueFactory = _ => DemoRegistration.DefaultDataFolder,
            HelpName = "DIR",
            Recursive = true,
        };

        var root = new RootCommand(Description) { timeScale, data };
        root.SetAction(RunAsync);
        var demo = new Command("demo", "Run the demo until Ctrl-C (the default).\n" + Settings);
        demo.SetAction(RunAsync);
        root.Subcommands.Add(demo);
        return root;

        Task<int> RunAsync(ParseResult result, CancellationToken cancellationToken) =>
            DemoCommandLine.RunAsync(result.GetValue(timeScale), result.GetRequiredValue(data), SettingsArguments.Of(result));
    }

    private static async Task<int> RunAsync(double timeScale, string dataFolder, string[] settings)
    {
        var builder = WebApplication.CreateBuilder(settings);
        builder.AddDemo(timeScale, dataFolder, settings); // broker, chairs, demo nurse, scaled clock, demo sign-ins, /demo/bundles
        builder.AddInfusionSuite();                       // the production host's worker, unchanged
        var app = builder.Build();
        app.MapInfusionSuite();
        return await app.RunServiceAsync(); // as the service: its port and data claimed first; a fatal stop is one line and a non-zero exit
    }
}
