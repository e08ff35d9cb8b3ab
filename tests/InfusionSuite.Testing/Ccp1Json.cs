using System.Globalization;

namespace InfusionSuite.Testing;

/// <summary>CCP/1 MQTT payloads (section 3) for tests.</summary>
public static class Ccp1Json
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A valid telemetry payload; the controller clock advances one second per seq.</summary>
    public static string Telemetry(string boot, uint seq)
    {
        var ts = Start.AddSeconds(seq).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture,
            $$"""{"boot":"{{boot}}","seq":{{seq}},"ts":"{{ts}}","state":"COOLING","coolantC":-3.8,"scalpC":17.6,"flowMlMin":620,"capConnected":true,"alarms":[]}""");
    }
}
