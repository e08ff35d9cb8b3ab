namespace InfusionSuite.Simulator.Scenarios;

/// <summary>Durations of the session's phases, in minutes, and what the nurse enters at start.</summary>
public sealed record SessionPlan
{
    public double StandbyMinutes { get; init; } = 0.5;

    public double PrechillMinutes { get; init; } = 15;

    /// <summary>Session start → COOLING_START: CALIBRATED at a quarter, CAP_ON at three quarters of it.</summary>
    public double FittingMinutes { get; init; } = 4;

    /// <summary>First session of the course: the controller sends CALIBRATED with <see cref="CapSize"/>.</summary>
    public bool FirstOfCourse { get; init; }

    /// <summary>XS, S, M, L or XL.</summary>
    public string CapSize { get; init; } = "M";

    /// <summary>The pre-cooling the site asks for (told to the nurse).</summary>
    public double PrecoolTargetMinutes { get; init; } = 30;

    /// <summary>The pre-cooling actually run; the target when absent.</summary>
    public double? PrecoolMinutes { get; init; }

    public double InfusionMinutes { get; init; } = 60;

    /// <summary>The regimen's post-cooling time (entered by the nurse at start).</summary>
    public double PostcoolTargetMinutes { get; init; } = 90;

    /// <summary>The post-cooling actually run; the target when absent.</summary>
    public double? PostcoolMinutes { get; init; }

    /// <summary>Cap left on after COOLING_STOP before removal (5–10 min in practice).</summary>
    public double WarmupMinutes { get; init; } = 7;

    public double TailMinutes { get; init; } = 1;

    internal double PrecoolRunMinutes => PrecoolMinutes ?? PrecoolTargetMinutes;

    internal double PostcoolRunMinutes => PostcoolMinutes ?? PostcoolTargetMinutes;
}
