using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Storage.Sqlite;

/// <summary>How a sample's state, cap flag and alarms pack into one integer, and instants into milliseconds.</summary>
internal static class TelemetryColumns
{
    public static int Pack(in TelemetrySample sample) =>
        (int)sample.State | (sample.CapConnected ? 0x8 : 0) | ((int)sample.Alarms << 4);

    public static ControllerState State(int packed) => (ControllerState)(packed & 0x7);

    public static bool CapConnected(int packed) => (packed & 0x8) != 0;

    public static ControllerAlarms Alarms(int packed) => (ControllerAlarms)((packed >> 4) & 0xFFFF);

    public static long Ms(DateTimeOffset instant) => instant.ToUnixTimeMilliseconds();

    public static DateTimeOffset Instant(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);
}
