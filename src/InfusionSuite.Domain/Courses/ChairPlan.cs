namespace InfusionSuite.Domain.Courses;

/// <summary>
/// The chair time a visit with cooling needs: pre-cooling target + infusion + post-cooling target +
/// warm-up, plus the suite's measured median overrun for the regimen (never less than zero).
/// </summary>
/// <param name="MeasuredSessions">Completed sessions the overrun was measured on (0: no overrun added).</param>
public sealed record ChairPlan(
    string Regimen,
    TimeSpan PreCooling,
    TimeSpan Infusion,
    TimeSpan PostCooling,
    TimeSpan WarmUp,
    TimeSpan MedianOverrun,
    int MeasuredSessions)
{
    public TimeSpan Total => PreCooling + Infusion + PostCooling + WarmUp + MedianOverrun;
}
