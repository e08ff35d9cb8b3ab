namespace InfusionSuite.Demo;

/// <summary>What the demo decided at start: its data folder, clock and broker.</summary>
/// <param name="DataFolder">Absolute path of the data folder.</param>
/// <param name="ClockStart">The simulated instant the demo's clock started from.</param>
/// <param name="ContinuesFrom">The latest instant stored by an earlier run; null on a fresh data folder.</param>
internal sealed record DemoSettings(
    double TimeScale,
    string DataFolder,
    string DatabasePath,
    int BrokerPort,
    DateTimeOffset ClockStart,
    DateTimeOffset? ContinuesFrom)
{
    /// <summary>The CCP/1 site of the simulated chairs.</summary>
    public const string Site = "demo";
}
