using InfusionSuite.LoadTest;

LoadArguments arguments;
try
{
    arguments = LoadArguments.Parse(args);
}
catch (Exception exception) when (exception is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine(exception.Message);
    Console.Error.WriteLine(LoadArguments.Usage);
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
