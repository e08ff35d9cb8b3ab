using InfusionSuite.Simulator.Running;

namespace InfusionSuite.Simulator.Cli;

/// <summary>The parsed command line.</summary>
internal sealed record SimulatorArguments
{
    public required CommandKind Command { get; init; }

    public string Scenario { get; init; } = "normal";

    public double TimeScale { get; init; } = 1;

    public int Seed { get; init; } = 1;

    public DateTimeOffset? Start { get; init; }

    public int Controllers { get; init; } = 1;

    public double StaggerMinutes { get; init; }

    public string IdPrefix { get; init; } = "CHAIR-";

    public bool? FirstOfCourse { get; init; }

    public bool Quiet { get; init; }

    public string? BrokerHost { get; init; }

    public int BrokerPort { get; init; } = 1883;

    public string? Site { get; init; }

    public string TopicRoot { get; init; } = "ccp/v1";

    public string? Username { get; init; }

    public string? Password { get; init; }

    public IReadOnlyList<string> Ports { get; init; } = [];

    public int BaudRate { get; init; } = 115200;

    public ControllerClockError ClockError { get; init; } = ControllerClockError.None;

    /// <summary><c>--cut-off</c> and <c>--upload</c>: the link cut for a while, stored messages uploaded after.</summary>
    public ControllerCutOff? CutOff { get; init; }
}
