using System.Globalization;

namespace InfusionSuite.Domain.Controllers;

/// <summary>The wire names of the CCP/1 alarm bits (as used in MQTT payloads and shown to staff).</summary>
public static class ControllerAlarmNames
{
    private static readonly (ControllerAlarms Bit, string Name)[] s_known =
    [
        (ControllerAlarms.FlowLow, "FLOW_LOW"),
        (ControllerAlarms.CoolantHigh, "COOLANT_HIGH"),
        (ControllerAlarms.CapDisconnected, "CAP_DISCONNECTED"),
        (ControllerAlarms.SensorFault, "SENSOR_FAULT"),
        (ControllerAlarms.ReservoirLow, "RESERVOIR_LOW"),
        (ControllerAlarms.OnBattery, "ON_BATTERY"),
        (ControllerAlarms.Overcool, "OVERCOOL"),
    ];

    /// <summary>The name of one bit: a known name, or <c>UNKNOWN_0x0080</c> for a reserved bit.</summary>
    public static string NameOf(ControllerAlarms bit)
    {
        foreach (var (known, name) in s_known)
        {
            if (known == bit)
            {
                return name;
            }
        }

        return "UNKNOWN_0x" + ((ushort)bit).ToString("X4", CultureInfo.InvariantCulture);
    }

    /// <summary>Every set bit by name, lowest bit first.</summary>
    public static IReadOnlyList<string> Names(ControllerAlarms alarms)
    {
        var names = new List<string>();
        for (var bit = 0; bit < 16; bit++)
        {
            var flag = (ControllerAlarms)(1 << bit);
            if ((alarms & flag) != 0)
            {
                names.Add(NameOf(flag));
            }
        }

        return names;
    }

    /// <summary>The bit for a wire name (known or <c>UNKNOWN_0x....</c>); false for anything else.</summary>
    public static bool TryParse(ReadOnlySpan<char> name, out ControllerAlarms bit)
    {
        foreach (var (known, knownName) in s_known)
        {
            if (name.SequenceEqual(knownName))
            {
                bit = known;
                return true;
            }
        }

        if (name.StartsWith("UNKNOWN_0x", StringComparison.Ordinal)
            && ushort.TryParse(name[10..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            && value != 0 && (value & (value - 1)) == 0)
        {
            bit = (ControllerAlarms)value;
            return true;
        }

        bit = ControllerAlarms.None;
        return false;
    }
}
