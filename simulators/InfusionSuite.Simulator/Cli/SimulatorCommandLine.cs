using System.CommandLine;
using System.CommandLine.Parsing;
using InfusionSuite.Simulator.Running;
using static InfusionSuite.Simulator.Cli.ArgumentChecks;

namespace InfusionSuite.Simulator.Cli;

/// <summary>
/// The console program's command line (System.CommandLine): <c>mqtt</c>, <c>serial</c>, <c>scenarios</c>,
/// <c>scenario NAME|FILE</c>, <c>--help</c> on each; unknown commands and options are errors.
/// </summary>
internal sealed class SimulatorCommandLine
{
    private readonly Option<string> _scenario = new("--scenario")
    {
        Description = "A built-in name or a scenario JSON file.", HelpName = "NAME|FILE", DefaultValueFactory = _ => "normal",
    };

    private readonly Option<int> _controllers = new("--controllers")
    {
        Description = "Chairs to simulate, 1–100 (serial runs one per --port).", HelpName = "N", DefaultValueFactory = _ => 1,
        CustomParser = Checked(v => Integer("--controllers", v, 1, 100)),
    };

    private readonly Option<double> _timeScale = new("--time-scale")
    {
        Description = "Simulated time runs X times faster than real time (0.01–100000).", HelpName = "X", DefaultValueFactory = _ => 1,
        CustomParser = Checked(v => Number("--time-scale", v, 0.01, 100_000)),
    };

    private readonly Option<int> _seed = new("--seed")
    {
        Description = "Same seed, same output.", HelpName = "K", DefaultValueFactory = _ => 1,
        CustomParser = Checked(v => Integer("--seed", v, int.MinValue, int.MaxValue)),
    };

    private readonly Option<DateTimeOffset?> _start = new("--start")
    {
        Description = "The simulated clock's start, e.g. 2026-11-27T08:00:00Z (default now).", HelpName = "INSTANT",
        CustomParser = Checked<DateTimeOffset?>(v => Instant("--start", v)),
    };

    private readonly Option<double> _stagger = new("--stagger")
    {
        Description = "Each chair powers on MIN simulated minutes after the previous one (0–600).", HelpName = "MIN",
        CustomParser = Checked(v => Number("--stagger", v, 0, 600)),
    };

    private readonly Option<string> _idPrefix = new("--id-prefix")
    {
        Description = "Controller ids P01, P02 …", HelpName = "P", DefaultValueFactory = _ => "CHAIR-", CustomParser = Checked(IdPrefix),
    };

    private readonly Option<bool?> _firstOfCourse = new("--first-of-course")
    {
        Description = "Override the scenario: true sends CALIBRATED at fitting.", HelpName = "true|false",
        CustomParser = Checked<bool?>(v => Boolean("--first-of-course", v)),
    };

    private readonly Option<double> _clockSkew = new("--clock-skew")
    {
        Description = "The controller's clock is SECONDS off (negative: slow), e.g. -240 (−86400–86400).", HelpName = "SECONDS",
        CustomParser = Checked(v => Number("--clock-skew", v, -86_400, 86_400)),
    };

    private readonly Option<(double By, double AfterMinutes)?> _clockStep = new("--clock-step")
    {
        Description = "The controller's clock steps by SECONDS (negative: back) MIN simulated minutes after power-on, e.g. -600@20.", HelpName = "SECONDS@MIN",
        CustomParser = Checked<(double, double)?>(ClockStep),
    };

    private readonly Option<(double ForMinutes, double AfterMinutes)?> _cutOff = new("--cut-off")
    {
        Description = "The controller's link is cut for MIN minutes, AT simulated minutes after power-on (e.g. 12@40): it stores its messages and uploads them when it is back.",
        HelpName = "MIN@AT", CustomParser = Checked<(double, double)?>(CutOff),
    };

    private readonly Option<UploadPace> _upload = new("--upload")
    {
        Description = "How the stored messages go after a --cut-off: full (all at once), chunks (10 at a time, 2 s apart) or trickle (one every 0.2 s).",
        HelpName = "full|chunks|trickle", DefaultValueFactory = _ => UploadPace.Full, CustomParser = Checked(Upload),
    };

    private readonly Option<bool> _quiet = new("--quiet") { Description = "No live table or log, only the final summary." };

    private readonly Option<string?> _broker = new("--broker")
    {
        Description = "The MQTT broker (required).", HelpName = "HOST[:PORT]", CustomParser = Checked<string?>(v =>
        {
            _ = Broker(v);
            return v;
        }),
    };

    private readonly Option<string?> _site = new("--site") { Description = "The CCP/1 site, 1–32 of a-z 0-9 - (required).", HelpName = "SITE", CustomParser = Checked<string?>(Site) };

    private readonly Option<string> _root = new("--root")
    {
        Description = "The MQTT topic root.", HelpName = "ROOT", DefaultValueFactory = _ => "ccp/v1", CustomParser = Checked(TopicRoot),
    };

    private readonly Option<string?> _username = new("--username") { Description = "MQTT user name.", HelpName = "U" };

    private readonly Option<string?> _password = new("--password") { Description = "MQTT password.", HelpName = "P" };

    private readonly Option<string[]> _ports = new("--port") { Description = "A serial port; once per chair (required).", HelpName = "PATH" };

    private readonly Option<int> _baud = new("--baud")
    {
        Description = "Serial speed.", HelpName = "N", DefaultValueFactory = _ => 115200, CustomParser = Checked(v => Integer("--baud", v, 300, 4_000_000)),
    };

    private readonly Argument<string?> _scenarioName = new("NAME|FILE") { Description = "A built-in name or a scenario JSON file.", Arity = ArgumentArity.ZeroOrOne };

    private readonly Command _mqtt;
    private readonly Command _serial;
    private readonly Command _list;
    private readonly Command _print;

    public SimulatorCommandLine()
    {
        _mqtt = new Command("mqtt", "Run simulated controllers against an MQTT broker.") { _broker, _site, _root, _username, _password };
        _serial = new Command("serial", "Run one simulated controller per serial port.") { _ports, _baud };
        foreach (var option in new Option[] { _scenario, _controllers, _timeScale, _seed, _start, _stagger, _idPrefix, _firstOfCourse, _clockSkew, _clockStep, _cutOff, _upload, _quiet })
        {
            _mqtt.Options.Add(option);
            _serial.Options.Add(option);
        }

        _list = new Command("scenarios", "List the built-in scenarios.");
        _print = new Command("scenario", "Print a scenario as JSON (a start for your own file).") { _scenarioName, _scenario, _firstOfCourse };
        Root = new RootCommand("The CCP/1 controller simulator (docs/simulator.md).") { _mqtt, _serial, _list, _print };
    }

    public RootCommand Root { get; }

    public ParseResult Parse(IReadOnlyList<string> args) => Root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });

    /// <summary>Writes the usage of the command <paramref name="result"/> stopped at (the program's when none).</summary>
    public void WriteHelp(ParseResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        var command = result.CommandResult.Command;
        Parse(command == Root ? ["--help"] : [command.Name, "--help"]).Invoke(new InvocationConfiguration { Output = writer });
    }

    /// <summary>The arguments of a parse, or what is wrong with them.</summary>
    public (SimulatorArguments? Arguments, string? Error) Read(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (Problem(result) is { } problem)
        {
            return (null, problem);
        }

        var command = result.CommandResult.Command;
        var kind = command == _mqtt ? CommandKind.Mqtt
            : command == _serial ? CommandKind.Serial
            : command == _list ? CommandKind.ListScenarios
            : command == _print ? CommandKind.PrintScenario
            : CommandKind.Help;
        var parsed = new SimulatorArguments
        {
            Command = kind,
            Scenario = result.GetValue(_scenarioName) ?? result.GetValue(_scenario) ?? "normal",
            TimeScale = result.GetValue(_timeScale),
            Seed = result.GetValue(_seed),
            Start = result.GetValue(_start),
            Controllers = result.GetValue(_controllers),
            StaggerMinutes = result.GetValue(_stagger),
            IdPrefix = result.GetValue(_idPrefix) ?? "CHAIR-",
            FirstOfCourse = result.GetValue(_firstOfCourse),
            Quiet = result.GetValue(_quiet),
            Site = result.GetValue(_site),
            TopicRoot = result.GetValue(_root) ?? "ccp/v1",
            Username = result.GetValue(_username),
            Password = result.GetValue(_password),
            Ports = result.GetValue(_ports) ?? [],
            BaudRate = result.GetValue(_baud),
            ClockError = new ControllerClockError
            {
                Skew = TimeSpan.FromSeconds(result.GetValue(_clockSkew)),
                StepAfter = result.GetValue(_clockStep) is { } step ? TimeSpan.FromMinutes(step.AfterMinutes) : null,
                StepBy = result.GetValue(_clockStep) is { } by ? TimeSpan.FromSeconds(by.By) : TimeSpan.Zero,
            },
        };
        if (result.GetValue(_cutOff) is { } cut)
        {
            parsed = parsed with
            {
                CutOff = new ControllerCutOff { For = TimeSpan.FromMinutes(cut.ForMinutes), After = TimeSpan.FromMinutes(cut.AfterMinutes), Upload = result.GetValue(_upload) },
            };
        }

        if (result.GetValue(_broker) is { } broker)
        {
            var (host, port) = Broker(broker);
            parsed = parsed with { BrokerHost = host, BrokerPort = port };
        }

        return Check(parsed, result.GetResult(_controllers) is { Implicit: false });
    }

    private static (SimulatorArguments? Arguments, string? Error) Check(SimulatorArguments parsed, bool controllersGiven) => parsed.Command switch
    {
        CommandKind.Mqtt when parsed.BrokerHost is null => (null, "mqtt needs --broker HOST:PORT"),
        CommandKind.Mqtt when parsed.Site is null => (null, "mqtt needs --site SITE"),
        CommandKind.Serial when parsed.Ports.Count == 0 => (null, "serial needs --port PATH (once per controller)"),
        CommandKind.Serial when controllersGiven && parsed.Controllers != parsed.Ports.Count =>
            (null, $"serial runs one controller per --port: {parsed.Ports.Count} port(s) but --controllers {parsed.Controllers}"),
        CommandKind.Serial => (parsed with { Controllers = parsed.Ports.Count }, null),
        _ => (parsed, null),
    };

    /// <summary>The first thing wrong with the command line, in the program's words; null when it parsed.</summary>
    private string? Problem(ParseResult result)
    {
        if (result.UnmatchedTokens.Count > 0)
        {
            var token = result.UnmatchedTokens[0];
            return result.CommandResult.Command == Root
                ? $"unknown command '{token}' (expected mqtt, serial, scenarios or scenario)"
                : token.StartsWith('-') ? $"unknown option '{token}'" : $"unexpected argument '{token}'";
        }

        foreach (var error in result.Errors)
        {
            return error.SymbolResult is OptionResult { Tokens.Count: 0 } option && !option.Implicit
                ? $"{option.Option.Name} needs a value"
                : error.Message;
        }

        return result.CommandResult.Command == Root ? "a command is needed (mqtt, serial, scenarios or scenario)" : null;
    }
}
