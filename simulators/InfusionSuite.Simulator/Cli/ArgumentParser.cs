using System.Globalization;
using System.Text.RegularExpressions;

namespace InfusionSuite.Simulator.Cli;

/// <summary>Turns the command line into <see cref="SimulatorArguments"/>, or a message saying what is wrong.</summary>
internal static partial class ArgumentParser
{
    public static (SimulatorArguments? Arguments, string? Error) Parse(IReadOnlyList<string> args)
    {
        try
        {
            return (ParseOrThrow(args), null);
        }
        catch (FormatException e)
        {
            return (null, e.Message);
        }
    }

    private static SimulatorArguments ParseOrThrow(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0] is "help" or "--help" or "-h")
        {
            return new SimulatorArguments { Command = CommandKind.Help };
        }

        var command = args[0] switch
        {
            "mqtt" => CommandKind.Mqtt,
            "serial" => CommandKind.Serial,
            "scenarios" => CommandKind.ListScenarios,
            "scenario" => CommandKind.PrintScenario,
            _ => throw new FormatException($"unknown command '{args[0]}' (expected mqtt, serial, scenarios or scenario)"),
        };
        var parsed = new SimulatorArguments { Command = command };
        var ports = new List<string>();
        var controllersGiven = false;
        for (var i = 1; i < args.Count; i++)
        {
            var option = args[i];
            if (command == CommandKind.PrintScenario && i == 1 && !option.StartsWith("--", StringComparison.Ordinal))
            {
                parsed = parsed with { Scenario = option };
                continue;
            }

            string Value() => i + 1 < args.Count ? args[++i] : throw new FormatException($"{option} needs a value");
            parsed = option switch
            {
                "--scenario" => parsed with { Scenario = Value() },
                "--time-scale" => parsed with { TimeScale = Number(option, Value(), 0.01, 100_000) },
                "--seed" => parsed with { Seed = Integer(option, Value(), int.MinValue, int.MaxValue) },
                "--start" => parsed with { Start = Instant(option, Value()) },
                "--controllers" => parsed with { Controllers = Integer(option, Value(), 1, 100) },
                "--stagger" => parsed with { StaggerMinutes = Number(option, Value(), 0, 600) },
                "--id-prefix" => parsed with { IdPrefix = Matching(option, Value(), IdPrefixPattern(), "1–29 of A-Z a-z 0-9 - _") },
                "--first-of-course" => parsed with { FirstOfCourse = Boolean(option, Value()) },
                "--quiet" => parsed with { Quiet = true },
                "--broker" => Broker(parsed, Value()),
                "--site" => parsed with { Site = Matching(option, Value(), SitePattern(), "1–32 of a-z 0-9 -") },
                "--root" => parsed with { TopicRoot = Matching(option, Value(), RootPattern(), "a topic prefix without + # or a trailing /") },
                "--username" => parsed with { Username = Value() },
                "--password" => parsed with { Password = Value() },
                "--port" => parsed with { Ports = [.. ports.Also(Value())] },
                "--baud" => parsed with { BaudRate = Integer(option, Value(), 300, 4_000_000) },
                _ => throw new FormatException($"unknown option '{option}'"),
            };
            controllersGiven |= option == "--controllers";
        }

        return Check(parsed, controllersGiven);
    }

    private static SimulatorArguments Check(SimulatorArguments parsed, bool controllersGiven)
    {
        switch (parsed.Command)
        {
            case CommandKind.Mqtt when parsed.BrokerHost is null:
                throw new FormatException("mqtt needs --broker HOST:PORT");
            case CommandKind.Mqtt when parsed.Site is null:
                throw new FormatException("mqtt needs --site SITE");
            case CommandKind.Serial when parsed.Ports.Count == 0:
                throw new FormatException("serial needs --port PATH (once per controller)");
            case CommandKind.Serial when controllersGiven && parsed.Controllers != parsed.Ports.Count:
                throw new FormatException($"serial runs one controller per --port: {parsed.Ports.Count} port(s) but --controllers {parsed.Controllers}");
            case CommandKind.Serial:
                return parsed with { Controllers = parsed.Ports.Count };
            default:
                return parsed;
        }
    }

    private static SimulatorArguments Broker(SimulatorArguments parsed, string value)
    {
        var colon = value.LastIndexOf(':');
        if (colon < 0)
        {
            return parsed with { BrokerHost = NonEmpty("--broker", value) };
        }

        return parsed with
        {
            BrokerHost = NonEmpty("--broker", value[..colon].Trim('[', ']')),
            BrokerPort = Integer("--broker port", value[(colon + 1)..], 1, 65535),
        };
    }

    private static List<string> Also(this List<string> list, string value)
    {
        list.Add(value);
        return list;
    }

    private static string NonEmpty(string option, string value) =>
        value.Length > 0 ? value : throw new FormatException($"{option} needs a host");

    private static double Number(string option, string value, double min, double max) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw new FormatException($"{option} must be a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}, not '{value}'");

    private static int Integer(string option, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw new FormatException($"{option} must be a whole number from {min} to {max}, not '{value}'");

    private static DateTimeOffset Instant(string option, string value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
            ? instant
            : throw new FormatException($"{option} must be an ISO 8601 instant such as 2026-11-27T08:00:00Z, not '{value}'");

    private static bool Boolean(string option, string value) => value switch
    {
        "true" or "yes" or "1" => true,
        "false" or "no" or "0" => false,
        _ => throw new FormatException($"{option} must be true or false, not '{value}'"),
    };

    private static string Matching(string option, string value, Regex pattern, string form) =>
        pattern.IsMatch(value) ? value : throw new FormatException($"{option} must be {form}, not '{value}'");

    [GeneratedRegex("^[a-z0-9-]{1,32}$")]
    private static partial Regex SitePattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,29}$")]
    private static partial Regex IdPrefixPattern();

    [GeneratedRegex("^[^+#]*[^/+#]$")]
    private static partial Regex RootPattern();
}
