namespace InfusionSuite.Web.Sessions;

/// <summary>The session's temperatures over time, at most the configured number of points.</summary>
/// <param name="Samples">How many samples are stored; each point stands for Samples / Points.Count of them.</param>
public sealed record TelemetryView(string SessionId, int Samples, decimal? Setpoint, IReadOnlyList<ChartPoint> Points);
