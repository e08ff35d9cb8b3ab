namespace InfusionSuite.Web.Reports;

/// <summary>
/// The answer of <c>GET /api/planning/chair-minutes</c>: chair minutes = pre-cooling target + infusion +
/// post-cooling target + warm-up + the measured median overrun (whole minutes, rounded up).
/// </summary>
public sealed record ChairPlanView(
    string Regimen,
    int ChairMinutes,
    int PreCoolingMinutes,
    int InfusionMinutes,
    int PostCoolingMinutes,
    int WarmUpMinutes,
    double MedianOverrunMinutes,
    int MeasuredSessions);
