using System.Globalization;

namespace InfusionSuite.LoadTest;

/// <summary>The worker's configuration for a run, as configuration keys (passed as environment variables).</summary>
internal static class WorkerSettings
{
    public static Dictionary<string, string> Mqtt(LoadDatabase database, LoadBroker broker, int receiveMaximum) => new(database.Settings())
    {
        ["Controllers:Mqtt:Host"] = broker.Host,
        ["Controllers:Mqtt:Port"] = broker.Port.ToString(CultureInfo.InvariantCulture),
        ["Controllers:Mqtt:ClientId"] = "infusionsuite-load",
        ["Controllers:Mqtt:ReceiveMaximum"] = receiveMaximum.ToString(CultureInfo.InvariantCulture),
    };

    public static Dictionary<string, string> Serial(LoadDatabase database, IReadOnlyList<string> ports)
    {
        var settings = database.Settings();
        for (var i = 0; i < ports.Count; i++)
        {
            settings[string.Create(CultureInfo.InvariantCulture, $"Controllers:Serial:Ports:{i}:Path")] = ports[i];
        }

        return settings;
    }
}
