using System.CommandLine;
using InfusionSuite.Host.Demo;

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

    /// <summary><c>--demo</c>, <c>--time-scale</c>, <c>--data</c> (the demo mode, until it has its own host).</summary>
    public static IEnumerable<Option> CreateDemoOptions() =>
    [
        new Option<bool>("--demo") { Description = "Run the demo: six simulated chairs, an embedded MQTT broker, a scaled clock." },
        new Option<double?>("--time-scale") { Description = "The demo's clock speed (1 to 10000, default 30)." },
        new Option<string?>("--data") { Description = "The demo's data folder (default ./data)." },
    ];

    public static async Task<int> RunAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var settings = SettingsArguments.Of(result);
        var builder = WebApplication.CreateBuilder(settings);
        builder.AddDemoMode([.. settings, .. DemoArguments(result)]);
        builder.AddInfusionSuite();
        var app = builder.Build();
        app.MapInfusionSuite();
        await app.RunAsync(); // stops on Ctrl-C or SIGTERM through the host's own lifetime
        return 0;
    }

    private static IEnumerable<string> DemoArguments(ParseResult result)
    {
        if (result.GetValue<bool>("--demo"))
        {
            yield return "--demo";
        }

        if (result.GetValue<double?>("--time-scale") is { } scale)
        {
            yield return "--time-scale";
            yield return scale.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (result.GetValue<string?>("--data") is { } data)
        {
            yield return "--data";
            yield return data;
        }
    }
}
