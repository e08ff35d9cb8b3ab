namespace InfusionSuite.Simulator.Scenarios;

/// <summary>When each phase of a session plan starts, in minutes from power-on.</summary>
public sealed class PhaseSchedule
{
    private readonly double[] _starts;

    public PhaseSchedule(SessionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        double[] lengths =
        [
            plan.StandbyMinutes, plan.PrechillMinutes, plan.FittingMinutes, plan.PrecoolRunMinutes,
            plan.InfusionMinutes, plan.PostcoolRunMinutes, plan.WarmupMinutes, plan.TailMinutes,
        ];
        _starts = new double[lengths.Length];
        var at = 0.0;
        for (var i = 0; i < lengths.Length; i++)
        {
            _starts[i] = at;
            at += lengths[i];
        }

        TotalMinutes = at;
    }

    public double TotalMinutes { get; }

    public double StartOf(SessionPhase phase) => _starts[(int)phase];
}
