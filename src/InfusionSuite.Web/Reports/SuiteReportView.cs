namespace InfusionSuite.Web.Reports;

/// <summary>
/// The suite report (<c>GET /api/reports/suite</c>, the report page, the CSV): no patient data. The range is
/// in site-local dates, both inclusive; null ends are open.
/// </summary>
public sealed record SuiteReportView(
    string? From,
    string? To,
    IReadOnlyList<RegimenOutcomeView> Outcomes,
    RegimenOutcomeView Overall,
    IReadOnlyList<DeviationRateView> Deviations,
    IReadOnlyList<RegimenTimingView> Timing,
    IReadOnlyList<ReferenceView> References);
