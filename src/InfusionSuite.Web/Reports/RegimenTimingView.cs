namespace InfusionSuite.Web.Reports;

/// <summary>A regimen's cooled sessions in the report: mean pre/post-cooling against target and chair time (minutes, one decimal).</summary>
public sealed record RegimenTimingView(
    string Regimen, int Sessions,
    double? MeanPreCoolingMinutes, double? MeanPreCoolingTargetMinutes,
    double? MeanPostCoolingMinutes, double? MeanPostCoolingTargetMinutes,
    int ChairSessions, double? MeanChairMinutes, double? MedianChairMinutes, double? MedianOverrunMinutes);
