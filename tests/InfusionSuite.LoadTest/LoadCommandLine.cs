using System.CommandLine;

namespace InfusionSuite.LoadTest;

/// <summary>
/// The load command's command line (System.CommandLine): <c>mqtt</c> or <c>serial</c> with their options,
/// <c>--help</c> on each; an unknown command or option, or a bad value, is refused with the usage.
/// </summary>
internal sealed class LoadCommandLine
{
    private readonly Option<int> _controllers = new("--controllers") { Description = "Virtual controllers.", HelpName = "N", DefaultValueFactory = _ => 2000 };
    private readonly Option<double> _mqttRate = Rate(1);
    private readonly Option<double> _mqttSeconds = Seconds(60);
    private readonly Option<double> _warmup = new("--warmup") { Description = "Seconds before the measured window.", HelpName = "S", DefaultValueFactory = _ => 10 };
    private readonly Option<long> _samples = new("--samples") { Description = "Samples of a saturating run (--rate 0).", HelpName = "M", DefaultValueFactory = _ => 300_000 };
    private readonly Option<int> _connections = new("--connections") { Description = "MQTT connections the controllers share.", HelpName = "C", DefaultValueFactory = _ => 16 };
    private readonly Option<int> _receiveMaximum = new("--receive-maximum")
    {
        Description = "The worker's MQTT receive maximum.", HelpName = "R", DefaultValueFactory = _ => 2000,
    };

    private readonly Option<bool> _noBaseline = new("--no-baseline") { Description = "Skip the mosquitto_sub baseline." };
    private readonly Option<bool> _backlog = new("--backlog")
    {
        Description = "Saturating only: publish while the consumer is stopped, then time the consumer draining the broker's queue.",
    };

    private readonly Option<string> _storage = new("--storage")
    {
        Description = "Where the worker stores: sqlite (a file) or postgresql (a durable cluster of the run's own).", HelpName = "sqlite|postgresql",
        DefaultValueFactory = _ => "sqlite",
    };

    private readonly Option<int> _ports = new("--ports") { Description = "Serial controllers (socat pty pairs).", HelpName = "P", DefaultValueFactory = _ => 32 };
    private readonly Option<double> _serialRate = Rate(10);
    private readonly Option<double> _serialSeconds = Seconds(30);
    private readonly Option<string[]> _set = new("--set") { Description = "A worker setting, e.g. Ingest:BatchMaxItems=2000 (repeatable).", HelpName = "KEY=VALUE" };
    private readonly Option<string?> _worker = new("--worker") { Description = "InfusionSuite.Host.dll (default: the one built beside this tool).", HelpName = "PATH" };
    private readonly Option<bool> _keep = new("--keep") { Description = "Keep the temp folder with the database and logs." };
    private readonly Command _mqtt;
    private readonly Command _serial;

    public LoadCommandLine()
    {
        _mqtt = new Command("mqtt", "Virtual controllers publish CCP/1 to mosquitto while the worker ingests; --rate 0 saturates.")
        {
            _controllers, _mqttRate, _mqttSeconds, _warmup, _samples, _connections, _receiveMaximum, _noBaseline, _backlog, _storage,
        };
        _storage.AcceptOnlyFromAmong("sqlite", "postgresql");
        _serial = new Command("serial", "Virtual controllers on socat pseudo-terminal pairs, read by the worker's serial links.") { _ports, _serialRate, _serialSeconds };
        foreach (var option in new Option[] { _set, _worker, _keep })
        {
            _mqtt.Options.Add(option);
            _serial.Options.Add(option);
        }

        Root = new RootCommand("The load command (docs/performance.md): the real worker under a measured load.") { _mqtt, _serial };
    }

    public RootCommand Root { get; }

    public ParseResult Parse(string[] args) => Root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });

    /// <summary>Writes the usage of the command <paramref name="result"/> stopped at.</summary>
    public void WriteHelp(ParseResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        var command = result.CommandResult.Command;
        Parse(command == Root ? ["--help"] : [command.Name, "--help"]).Invoke(new InvocationConfiguration { Output = writer });
    }

    /// <summary>The arguments of a parse without errors; an <see cref="ArgumentException"/> says what is wrong.</summary>
    public LoadArguments Read(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Errors.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, result.Errors.Select(e => e.Message)));
        }

        var serial = result.CommandResult.Command == _serial;
        if (!serial && result.CommandResult.Command != _mqtt)
        {
            throw new ArgumentException("The first argument is the verb: mqtt or serial.");
        }

        var parsed = new LoadArguments
        {
            Verb = serial ? "serial" : "mqtt",
            Controllers = result.GetValue(_controllers),
            RateHz = result.GetValue(serial ? _serialRate : _mqttRate),
            Seconds = result.GetValue(serial ? _serialSeconds : _mqttSeconds),
            WarmupSeconds = result.GetValue(_warmup),
            Samples = result.GetValue(_samples),
            Connections = result.GetValue(_connections),
            ReceiveMaximum = result.GetValue(_receiveMaximum),
            Ports = result.GetValue(_ports),
            Baseline = !result.GetValue(_noBaseline),
            Backlog = result.GetValue(_backlog),
            Keep = result.GetValue(_keep),
            WorkerPath = result.GetValue(_worker),
            PostgreSql = !serial && result.GetValue(_storage) == "postgresql",
            WorkerSettings = Settings(result.GetValue(_set) ?? []),
        };
        return parsed.Backlog && !parsed.Saturating
            ? throw new ArgumentException("--backlog needs --rate 0.")
            : (serial ? parsed.Ports < 1 : parsed.Controllers < 1 || parsed.Connections < 1) || parsed.Seconds <= 0
            ? throw new ArgumentException("Counts and durations must be positive.")
            : parsed;
    }

    private static Option<double> Rate(double defaultHz) => new("--rate")
    {
        Description = "Samples per second per controller (mqtt: 0 saturates).", HelpName = "HZ", DefaultValueFactory = _ => defaultHz,
    };

    private static Option<double> Seconds(double defaultSeconds) => new("--seconds")
    {
        Description = "Seconds of load.", HelpName = "S", DefaultValueFactory = _ => defaultSeconds,
    };

    private static Dictionary<string, string> Settings(string[] pairs)
    {
        var settings = new Dictionary<string, string>();
        foreach (var pair in pairs)
        {
            var parts = pair.Split('=', 2);
            settings[parts.Length == 2 ? parts[0] : throw new ArgumentException($"--set {pair}: expected KEY=VALUE.")] = parts[1];
        }

        return settings;
    }
}
