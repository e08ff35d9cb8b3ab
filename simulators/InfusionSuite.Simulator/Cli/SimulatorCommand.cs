using System.Globalization;
using InfusionSuite.Simulator.Engine;
using InfusionSuite.Simulator.Outputs;
using InfusionSuite.Simulator.Running;
using InfusionSuite.Simulator.Scenarios;

namespace InfusionSuite.Simulator.Cli;

/// <summary>The console program: parse, load the scenario, run every chair on a scaled clock, show them live.</summary>
internal static class SimulatorCommand
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadArguments = 2;
    public const int Cancelled = 130;

    public const string Usage = """
        usage:
          infusion-sim mqtt   --broker HOST[:PORT] --site SITE [options]
          infusion-sim serial --port PATH [--port PATH ...] [--baud 115200] [options]
          infusion-sim scenarios              list the built-in scenarios
          infusion-sim scenario NAME|FILE     print a scenario as JSON (a start for your own file)
        options:
          --scenario NAME|FILE   built-in name or a scenario JSON file (default normal)
          --controllers N        chairs to simulate, 1–100 (mqtt; serial has one per --port)
          --time-scale X         simulated time runs X times faster than real time (default 1)
          --seed K               same seed, same output (default 1)
          --start INSTANT        simulated clock start, e.g. 2026-11-27T08:00:00Z (default now)
          --stagger MIN          each chair powers on MIN simulated minutes after the previous one
          --id-prefix P          controller ids P01, P02 … (default CHAIR-)
          --first-of-course B    override the scenario: true sends CALIBRATED at fitting
          --root ROOT            MQTT topic root (default ccp/v1); --username U --password P
          --quiet                no live table, only the final summary
        see docs/simulator.md
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, bool interactive, CancellationToken cancellationToken)
    {
        var (arguments, error) = ArgumentParser.Parse(args);
        if (arguments is null)
        {
            await stderr.WriteLineAsync($"error: {error}\n\n{Usage}");
            return BadArguments;
        }

        if (arguments.Command == CommandKind.Help)
        {
            await stdout.WriteLineAsync(Usage);
            return Ok;
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
        };
        var clock = new ScaledTimeProvider(arguments.TimeScale, arguments.Start);
        var chairs = Simulation.Chairs(options);
        var where = arguments.Command == CommandKind.Mqtt
            ? $"mqtt {arguments.BrokerHost}:{arguments.BrokerPort} site {arguments.Site}"
            : $"serial {string.Join(' ', arguments.Ports)}";
        var title = $"scenario {scenario.Name} · {chairs.Count} chair(s) · {where} · ×{arguments.TimeScale.ToString(CultureInfo.InvariantCulture)} · seed {arguments.Seed}";
        var board = new ChairBoard(chairs, stdout, clock, title, redraw: interactive && !arguments.Quiet);
        var quietLog = arguments.Quiet ? null : board;

        using var stopDisplay = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var display = board.RedrawAsync(stopDisplay.Token);
        var startedAt = TimeProvider.System.GetTimestamp();
        try
        {
            await Simulation.RunAsync(scenario, options, chair => CreateOutput(arguments, chair), clock, quietLog, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await stderr.WriteLineAsync("cancelled");
            return Cancelled;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            await stderr.WriteLineAsync($"error: {e.Message}");
            return Failed;
        }
        finally
        {
            await stopDisplay.CancelAsync();
            await display;
        }

        board.Draw();
        await stdout.WriteLineAsync(
            $"scenario {scenario.Name} ran: {chairs.Count} chair(s), {ControllerTimeline.Duration(scenario).TotalMinutes:0.#} simulated min in {TimeProvider.System.GetElapsedTime(startedAt).TotalSeconds:0.0} s");
        return Ok;
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
