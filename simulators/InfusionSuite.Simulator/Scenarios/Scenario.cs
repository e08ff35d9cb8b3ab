namespace InfusionSuite.Simulator.Scenarios;

/// <summary>What a simulated controller does from power-on to the end: a session plan and its incidents.</summary>
public sealed record Scenario
{
    public required string Name { get; init; }

    public string Description { get; init; } = "";

    public ControllerProfile Controller { get; init; } = new();

    public SessionPlan Session { get; init; } = new();

    public IReadOnlyList<Incident> Incidents { get; init; } = [];
}
