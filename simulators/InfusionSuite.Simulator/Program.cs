using InfusionSuite.Simulator.Cli;

// The CCP/1 controller simulator: `mqtt` or `serial`, a scenario, a time scale and a seed (docs/simulator.md).
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

return await SimulatorCommand.RunAsync(args, Console.Out, Console.Error, interactive: !Console.IsOutputRedirected, cancel.Token);
