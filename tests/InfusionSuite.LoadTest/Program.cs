using System.CommandLine.Help;
using InfusionSuite.LoadTest;

var commandLine = new LoadCommandLine();
var parsed = commandLine.Parse(args);
if (parsed.Action is HelpAction)
{
    commandLine.WriteHelp(parsed, Console.Out);
    return 0;
}

LoadArguments arguments;
try
{
    arguments = commandLine.Read(parsed);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    Console.Error.WriteLine();
    commandLine.WriteHelp(parsed, Console.Error);
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

using var workspace = new Workspace(arguments.Keep);
var report = new LoadReport(Console.Out);
report.Machine(arguments);
return arguments.Verb == "serial"
    ? await SerialLoadRun.RunAsync(arguments, workspace, report, stop.Token)
    : await MqttLoadRun.RunAsync(arguments, workspace, report, stop.Token);
