namespace InfusionSuite.Web.Sessions;

/// <summary>One point of the temperature chart: the mean of the samples it stands for, and the alarms any of them had.</summary>
public sealed record ChartPoint(DateTimeOffset At, decimal Coolant, decimal? Scalp, bool CapConnected, IReadOnlyList<string> Alarms);
