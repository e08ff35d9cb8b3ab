using System.CommandLine.Help;
using System.Globalization;
using InfusionSuite.Simulator.Engine;
using InfusionSuite.Simulator.Outputs;
using InfusionSuite.Simulator.Running;
using InfusionSuite.Simulator.Scenarios;

namespace InfusionSuite.Simulator.Cli;

/// <summary>The console program: parse (<see cref="SimulatorCommandLine"/>; <c>--help</c> on every command), load the scenario, run every chair on a scaled clock, show them live.</summary>
internal static class SimulatorCommand
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadArguments = 2;
    public const int Cancelled = 130;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, bool interactive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        var commandLine = new SimulatorCommandLine();
        var parsed = commandLine.Parse(args);
        if (args.Count == 0 || args[0] == "help" || parsed.Action is HelpAction)
        {
            commandLine.WriteHelp(parsed, stdout);
            return Ok;
        }

        var (arguments, error) = commandLine.Read(parsed);
        if (arguments is null)
        {
            await stderr.WriteLineAsync($"error: {error}\n");
            commandLine.WriteHelp(parsed, stderr);
            return BadArguments;
        }

        if (arguments.Command == CommandKind.ListScenarios)
        {
            foreach (var scenario in BuiltInScenarios.All)
            {
                await stdout.WriteLineAsync($"{scenario.Name,-14} {ControllerTimeline.Duration(scenario).TotalMinutes,6:0.#} min  {scenario.Description}");
            }

            return Ok;
        }

        Scenario loaded;
        try
        {
            loaded = await LoadScenarioAsync(arguments, cancellationToken);
        }
        catch (ScenarioFormatException e)
        {
            await stderr.WriteLineAsync($"error: {e.Message}");
            return BadArguments;
        }

        if (arguments.Command == CommandKind.PrintScenario)
        {
            await stdout.WriteLineAsync(ScenarioJson.Serialize(loaded));
            return Ok;
        }

        return await SimulateAsync(arguments, loaded, stdout, stderr, interactive, cancellationToken);
    }

    private static async Task<Scenario> LoadScenarioAsync(SimulatorArguments arguments, CancellationToken cancellationToken)
    {
        var name = arguments.Scenario;
        Scenario scenario;
        if (BuiltInScenarios.TryGet(name, out var builtIn))
        {
            scenario = builtIn;
        }
        else if (name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || File.Exists(name))
        {
            scenario = await ScenarioJson.LoadAsync(name, cancellationToken);
        }
        else
        {
            throw new ScenarioFormatException($"no built-in scenario '{name}' (known: {string.Join(", ", BuiltInScenarios.Names)}) and no such file");
        }

        return arguments.FirstOfCourse is { } first ? scenario with { Session = scenario.Session with { FirstOfCourse = first } } : scenario;
    }

    private static async Task<int> SimulateAsync(SimulatorArguments arguments, Scenario scenario, TextWriter stdout, TextWriter stderr, bool interactive, CancellationToken cancellationToken)
    {
        var options = new SimulationOptions
        {
            Controllers = arguments.Controllers,
            Seed = arguments.Seed,
            ControllerIdPrefix = arguments.IdPrefix,
            StaggerMinutes = arguments.StaggerMinutes,
            Start = arguments.Start,
            ClockError = arguments.ClockError,
            CutOff = arguments.CutOff,
        };
        var clock = new ScaledTimeProvider(arguments.TimeScale, arguments.Start);
        var chairs = Simulation.Chairs(options);
        var where = arguments.Command == CommandKind.Mqtt
            ? $"mqtt {arguments.BrokerHost}:{arguments.BrokerPort} site {arguments.Site}"
            : $"serial {string.Join(' ', arguments.Ports)}";
        var title = $"scenario {scenario.Name} · {chairs.Count} chair(s) · {where} · ×{arguments.TimeScale.ToString(CultureInfo.InvariantCulture)} · seed {arguments.Seed}";
        var board = new ChairBoard(chairs, stdout, clock, title, redraw: interactive && !arguments.Quiet, quiet: arguments.Quiet);

        using var stopDisplay = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var display = board.RedrawAsync(stopDisplay.Token);
        var startedAt = TimeProvider.System.GetTimestamp();
        int exit;
        string? problem = null;
        try
        {
            await Simulation.RunAsync(scenario, options, chair => CreateOutput(arguments, chair), clock, board, cancellationToken);
            exit = Ok;
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl-C: whatever the transport threw for it (MQTTnet ends a publish awaiting its PUBACK with a time-out, not a cancellation).
            exit = Cancelled;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            exit = Failed;
            problem = e.Message;
        }
        finally
        {
            await stopDisplay.CancelAsync();
            await display;
        }

        // What each chair sent, however the run ended (finished, Ctrl-C, or a failure): the table's counts.
        board.Draw();
        var ran = $"{chairs.Count} chair(s), {ControllerTimeline.Duration(scenario).TotalMinutes:0.#} simulated min";
        var took = $"{TimeProvider.System.GetElapsedTime(startedAt).TotalSeconds:0.0} s";
        switch (exit)
        {
            case Ok:
                await stdout.WriteLineAsync($"scenario {scenario.Name} ran: {ran} in {took}");
                break;
            case Cancelled:
                await stdout.WriteLineAsync($"scenario {scenario.Name} cancelled after {took}: {ran} planned; msgs = what each chair sent, lost = what the transport could not carry");
                await stderr.WriteLineAsync("cancelled");
                break;
            default:
                await stdout.WriteLineAsync($"scenario {scenario.Name} failed after {took}: {ran} planned; msgs = what each chair sent, lost = what the transport could not carry");
                await stderr.WriteLineAsync($"error: {problem}");
                break;
        }

        return exit;
    }

    private static IControllerOutput CreateOutput(SimulatorArguments arguments, SimulatedChair chair) => arguments.Command switch
    {
        CommandKind.Mqtt => new MqttControllerOutput(new MqttOutputOptions
        {
            Host = arguments.BrokerHost!,
            Port = arguments.BrokerPort,
            Site = arguments.Site!,
            ControllerId = chair.ControllerId,
            TopicRoot = arguments.TopicRoot,
            Username = arguments.Username,
            Password = arguments.Password,
        }),
        _ => new SerialPortOutput(new SerialPortOutputOptions { PortName = arguments.Ports[chair.Index], BaudRate = arguments.BaudRate }),
    };
}
