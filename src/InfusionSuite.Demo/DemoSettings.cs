namespace InfusionSuite.Demo;

/// <summary>What the demo decided at start: its data folder, clock and broker.</summary>
/// <param name="DataFolder">Absolute path of the data folder.</param>
/// <param name="ClockStart">The simulated instant the demo's clock started from.</param>
/// <param name="ContinuesFrom">The latest instant stored by an earlier run; null on a fresh data folder.</param>
/// <param name="FreeChairs">Chairs on the board with no simulated controller, for a person to run a session by hand (<c>Demo:FreeChairs</c>, 0–4, default 2).</param>
internal sealed record DemoSettings(
    double TimeScale,
    string DataFolder,
    string DatabasePath,
    int BrokerPort,
    DateTimeOffset ClockStart,
    DateTimeOffset? ContinuesFrom,
    int FreeChairs = DemoSettings.DefaultFreeChairs)
{
    public const int DefaultFreeChairs = 2;

    /// <summary>The free chairs' controller ids: the ones after the simulated chairs (CHAIR-07, CHAIR-08).</summary>
    public IReadOnlyList<string> FreeChairIds => [.. Enumerable.Range(7, FreeChairs).Select(n => "CHAIR-" + n.ToString("00", System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>The CCP/1 site of the simulated chairs.</summary>
    public const string Site = "demo";
}
