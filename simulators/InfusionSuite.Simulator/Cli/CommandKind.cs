namespace InfusionSuite.Simulator.Cli;

/// <summary>The console program's commands.</summary>
internal enum CommandKind
{
    Mqtt,
    Serial,
    ListScenarios,
    PrintScenario,
    Help,
}
