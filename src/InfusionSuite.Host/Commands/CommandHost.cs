using System.CommandLine;

namespace InfusionSuite.Host.Commands;

/// <summary>The worker as a command uses it: built with the same parts and settings, never started.</summary>
internal static class CommandHost
{
    public static WebApplication Build(ParseResult result)
    {
        var builder = WebApplication.CreateBuilder(SettingsArguments.Of(result));

        // A command prints on stdout (a token, a listing): keep the host's logs quiet and on stderr.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.AddInfusionSuite();
        return builder.Build();
    }
}
