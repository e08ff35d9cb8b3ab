namespace InfusionSuite.Simulator.Running;

/// <summary>How many chairs run a scenario, and how they differ.</summary>
public sealed record SimulationOptions
{
    /// <summary>How many controllers, 1–100.</summary>
    public int Controllers { get; init; } = 1;

    /// <summary>The run's seed: each controller gets its own random stream derived from (seed, index).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Controller ids are the prefix and a two-digit number from 01.</summary>
    public string ControllerIdPrefix { get; init; } = "CHAIR-";

    /// <summary>The simulated instant the first chair powers on; the clock's current instant when absent. Fixing it makes timestamps reproducible too.</summary>
    public DateTimeOffset? Start { get; init; }

    /// <summary>Each chair powers on this many simulated minutes after the previous one.</summary>
    public double StaggerMinutes { get; init; }

    /// <summary>Every chair's clock error: a fixed skew and a step (none by default).</summary>
    public ControllerClockError ClockError { get; init; } = ControllerClockError.None;

    /// <summary>Cuts every controller's link for a while; its stored messages are uploaded when it is back. None when null.</summary>
    public ControllerCutOff? CutOff { get; init; }
}
