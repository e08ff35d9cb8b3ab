using System.Globalization;
using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Domain.Sessions;

/// <summary>What the controller's samples and events tell the session (device ts throughout).</summary>
internal static class DeviceObservations
{
    private const ControllerAlarms FaultAlarms = ControllerAlarms.FlowLow | ControllerAlarms.CoolantHigh | ControllerAlarms.SensorFault;

    public static bool IsReadable(ControllerEvent e) => e.Kind switch
    {
        ControllerEventKind.Calibrated => TryCapSize(e.Detail, out _),
        ControllerEventKind.Setpoint => TrySetpoint(e.Detail, out _),
        _ => true,
    };

    public static void Sample(SessionState s, in TelemetrySample sample)
    {
        var at = sample.Timestamp;
        if (sample.CapConnected && at >= s.StartedAt)
        {
            s.Coolant.Add(sample.CoolantC);
            if (sample.ScalpC is { } scalp)
            {
                s.Scalp.Add(scalp);
            }
        }

        if (s.LatestSampleAt is { } latest && at < latest)
        {
            return;
        }

        s.LatestSampleAt = at;
        s.LatestState = sample.State;
        s.LatestCoolant = sample.CoolantC;
        s.LatestScalp = sample.ScalpC;
        s.LatestAlarms = sample.Alarms;
        SetCap(s, sample.CapConnected, at);
        s.CoolingNotRunning.Observe(sample.State != ControllerState.Cooling || !sample.CapConnected, at);
        s.OvercoolAlarm.Observe((sample.Alarms & ControllerAlarms.Overcool) != 0, at);
        s.DeviceFault.Observe(sample.State == ControllerState.Fault || (sample.Alarms & FaultAlarms) != 0, at);
        ObserveSetpoint(s, at);
    }

    public static void Event(SessionState s, ControllerEvent e)
    {
        var at = e.Timestamp;
        switch (e.Kind)
        {
            case ControllerEventKind.CapOn:
                s.LastCapOnAt = Later(s.LastCapOnAt, at);
                SetCap(s, true, at);
                break;
            case ControllerEventKind.CapOff:
                s.LastCapOffAt = Later(s.LastCapOffAt, at);
                SetCap(s, false, at);
                s.CoolingNotRunning.Observe(true, at);
                break;
            case ControllerEventKind.CoolingStart:
                s.LastCoolingStartAt = Later(s.LastCoolingStartAt, at);
                if (s.CapConnected && at >= s.StartedAt && (s.FirstCoolingStartWithCapAt is not { } first || at < first))
                {
                    s.FirstCoolingStartWithCapAt = at;
                }

                s.CoolingNotRunning.Observe(false, at);
                break;
            case ControllerEventKind.CoolingStop:
                s.LastCoolingStopAt = Later(s.LastCoolingStopAt, at);
                s.CoolingNotRunning.Observe(true, at);
                break;
            case ControllerEventKind.Pause:
                s.CoolingNotRunning.Observe(true, at);
                break;
            case ControllerEventKind.Resume:
                s.CoolingNotRunning.Observe(false, at);
                break;
            case ControllerEventKind.Calibrated:
                TryCapSize(e.Detail, out var size);
                s.Calibration = s.Calibration is { } known && known.At <= at ? known : new CapCalibration(at, size);
                s.FittingSeen |= at >= s.StartedAt;
                break;
            case ControllerEventKind.Setpoint:
                TrySetpoint(e.Detail, out var setpoint);
                if (at >= s.SetpointAt)
                {
                    s.Setpoint = setpoint;
                    s.SetpointAt = at;
                    ObserveSetpoint(s, at);
                }

                break;
            case ControllerEventKind.Fault:
                if (e.Detail is { } code && !s.FaultCodes.Contains(code))
                {
                    s.FaultCodes.Add(code);
                }

                s.DeviceFault.Observe(true, at);
                s.CoolingNotRunning.Observe(true, at);
                break;
            default:
                break;
        }
    }

    private static void SetCap(SessionState s, bool connected, DateTimeOffset at)
    {
        if (at < s.CapStatusAt)
        {
            return;
        }

        s.CapStatusAt = at;
        s.CapConnected = connected;
        s.FittingSeen |= connected && at >= s.StartedAt;
    }

    private static void ObserveSetpoint(SessionState s, DateTimeOffset at)
    {
        if (s.Setpoint is { } setpoint && s.LatestCoolant is { } coolant)
        {
            s.CoolantOffSetpoint.Observe(coolant.Tenths > setpoint.Tenths + s.Policy.SetpointTolerance.Tenths, at);
        }
    }

    private static DateTimeOffset Later(DateTimeOffset? known, DateTimeOffset at) => known is { } k && k > at ? k : at;

    private static bool TryCapSize(string? detail, out CapSize size) =>
        Enum.TryParse(detail, ignoreCase: false, out size) && Enum.IsDefined(size) && !int.TryParse(detail, out _);

    private static bool TrySetpoint(string? detail, out Temperature setpoint)
    {
        if (decimal.TryParse(detail, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var celsius)
            && celsius is >= -50m and <= 50m)
        {
            setpoint = Temperature.FromCelsius(celsius);
            return true;
        }

        setpoint = default;
        return false;
    }
}
