using System.Runtime.InteropServices;
using InfusionSuite.Simulator.Cli;

// The CCP/1 controller simulator: `mqtt` or `serial`, a scenario, a time scale and a seed (docs/simulator.md).
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

// A service manager's or `kill`'s stop ends the run as Ctrl+C does: the summary still prints (issue 18 trial: exit 143, nothing printed).
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    cancel.Cancel();
});

return await SimulatorCommand.RunAsync(args, Console.Out, Console.Error, interactive: !Console.IsOutputRedirected, cancel.Token);
