using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Devices.Protocol;

/// <summary>The CCP/1 wire names of states and events, as UTF-8 bytes (no allocation to write or match).</summary>
internal static class CcpWireNames
{
    private static readonly byte[][] s_states =
        [.. Enumerable.Range(0, (int)ControllerState.Fault + 1).Select(i => Of((ControllerState)i).ToArray())];

    private static readonly byte[][] s_events =
        [.. Enumerable.Range(0, (int)ControllerEventKind.Fault + 1).Select(i => Of((ControllerEventKind)i).ToArray())];

    public static ReadOnlySpan<byte> Of(ControllerState state) => state switch
    {
        ControllerState.Standby => "STANDBY"u8,
        ControllerState.Prechill => "PRECHILL"u8,
        ControllerState.Cooling => "COOLING"u8,
        ControllerState.Paused => "PAUSED"u8,
        ControllerState.Fault => "FAULT"u8,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "not a CCP/1 state"),
    };

    public static ReadOnlySpan<byte> Of(ControllerEventKind kind) => kind switch
    {
        ControllerEventKind.CapOn => "CAP_ON"u8,
        ControllerEventKind.CapOff => "CAP_OFF"u8,
        ControllerEventKind.CoolingStart => "COOLING_START"u8,
        ControllerEventKind.CoolingStop => "COOLING_STOP"u8,
        ControllerEventKind.Pause => "PAUSE"u8,
        ControllerEventKind.Resume => "RESUME"u8,
        ControllerEventKind.Calibrated => "CALIBRATED"u8,
        ControllerEventKind.Setpoint => "SETPOINT"u8,
        ControllerEventKind.Fault => "FAULT"u8,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a CCP/1 event"),
    };

    public static bool TryParseState(ReadOnlySpan<byte> name, out ControllerState state)
    {
        var index = IndexOf(name, s_states);
        state = (ControllerState)Math.Max(index, 0);
        return index >= 0;
    }

    public static bool TryParseEvent(ReadOnlySpan<byte> name, out ControllerEventKind kind)
    {
        var index = IndexOf(name, s_events);
        kind = (ControllerEventKind)Math.Max(index, 0);
        return index >= 0;
    }

    private static int IndexOf(ReadOnlySpan<byte> name, byte[][] names)
    {
        for (var i = 0; i < names.Length; i++)
        {
            if (name.SequenceEqual(names[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
