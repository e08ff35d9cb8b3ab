namespace InfusionSuite.Simulator.Cli;

/// <summary>Turns the command line into <see cref="SimulatorArguments"/>, or a message saying what is wrong (<see cref="SimulatorCommandLine"/>).</summary>
internal static class ArgumentParser
{
    public static (SimulatorArguments? Arguments, string? Error) Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0 || args[0] == "help")
        {
            return (new SimulatorArguments { Command = CommandKind.Help }, null);
        }

        var commandLine = new SimulatorCommandLine();
        return commandLine.Read(commandLine.Parse(args));
    }
}
