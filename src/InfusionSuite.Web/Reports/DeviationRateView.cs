namespace InfusionSuite.Web.Reports;

/// <summary>Cooled sessions with a deviation of one kind, of all cooled sessions in the range.</summary>
public sealed record DeviationRateView(string Code, int Sessions, int CooledSessions, double? Percent);
