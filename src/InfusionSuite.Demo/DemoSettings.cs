namespace InfusionSuite.Demo;

/// <summary>What the demo decided at start: its data folder, clock and broker.</summary>
/// <param name="DataFolder">Absolute path of the data folder.</param>
/// <param name="ClockStart">The simulated instant the demo's clock started from.</param>
/// <param name="ContinuesFrom">The latest instant stored by an earlier run; null on a fresh data folder.</param>
/// <param name="FreeChairs">Chairs whose controllers run without the demo nurse, for a person to document by hand (<c>Demo:FreeChairs</c>, 0–4, default 2).</param>
internal sealed record DemoSettings(
    double TimeScale,
    string DataFolder,
    string DatabasePath,
    int BrokerPort,
    DateTimeOffset ClockStart,
    DateTimeOffset? ContinuesFrom,
    int FreeChairs = DemoSettings.DefaultFreeChairs)
{
    /// <summary>The setting that sets <see cref="FreeChairs"/>.</summary>
    public const string FreeChairsKey = "Demo:FreeChairs";

    public const int DefaultFreeChairs = 2;

    public const int MostFreeChairs = 4;

    /// <summary>The CCP/1 site of the simulated chairs.</summary>
    public const string Site = "demo";
}
