namespace InfusionSuite.Worker.Tests;

/// <summary>Worker configuration for tests, as configuration keys.</summary>
internal static class Settings
{
    public static Dictionary<string, string?> For(string databasePath) => new()
    {
        ["Storage:DatabasePath"] = databasePath,
        ["Logging:LogLevel:Default"] = "Warning",
    };

    /// <summary>
    /// MQTT link to a test broker; a scaled clock needs long keep-alive and offline-after periods (they run on it),
    /// and a larger clock-skew threshold: it multiplies the network's delay as much (a millisecond is a second at 1000×, and a busy machine delays by seconds).
    /// </summary>
    public static Dictionary<string, string?> Mqtt(
        string databasePath, string host, int port, string clientId, string offlineAfter = "00:30:00", string clockSkewThreshold = "01:00:00")
    {
        var settings = For(databasePath);
        settings["Controllers:Mqtt:Host"] = host;
        settings["Controllers:Mqtt:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Controllers:Mqtt:ClientId"] = clientId;
        settings["Controllers:Mqtt:KeepAlive"] = "00:10:00";
        settings["Controllers:Mqtt:ConnectionCheckInterval"] = "00:01:00";
        settings["Controllers:Liveness:OfflineAfter"] = offlineAfter;
        settings["Sessions:ClockSkewThreshold"] = clockSkewThreshold;
        settings["Sessions:ControllerClockLimit"] = ClockLimitFor(clockSkewThreshold);
        return settings;
    }

    /// <summary>The clock limit in the same proportion to the skew threshold as the defaults (5 s, 2 h): a scaled clock multiplies both.</summary>
    public static string ClockLimitFor(string clockSkewThreshold) =>
        (System.TimeSpan.Parse(clockSkewThreshold, System.Globalization.CultureInfo.InvariantCulture) * 1440).ToString("c", System.Globalization.CultureInfo.InvariantCulture);
}
