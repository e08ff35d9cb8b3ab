using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Domain.Sessions.Inputs;

namespace InfusionSuite.Domain.Tests;

/// <summary>
/// Turns a generated script (operations, pauses between them, transport delays) into the inputs
/// a chair would produce: a nurse working through a session, a controller that pauses, faults,
/// goes offline and reboots, and a transport that delivers device messages late and out of order.
/// </summary>
internal static class ScriptedChair
{
    public const int Operations = 14;

    private static readonly DateTimeOffset s_start = SessionScenario.DefaultStart;

    public static List<SessionInput> Inputs(int[] operations, int[] pauseSeconds, int[] delayMillis, int skewSeconds)
    {
        var timed = new List<(DateTimeOffset Arrival, SessionInput Input)>();
        var now = s_start;
        var skew = TimeSpan.FromSeconds(skewSeconds);
        uint boot = SessionScenario.FirstBoot;
        uint seq = 0;
        var step = 0;
        var i = 0;

        void Nurse(SessionInput input) => timed.Add((now, input));
        void Device(ControllerEventKind kind, string? detail = null)
        {
            var arrival = now + TimeSpan.FromMilliseconds(delayMillis[i % delayMillis.Length]);
            timed.Add((arrival, new DeviceEventReceived(arrival, new ControllerEvent(SessionScenario.ControllerId, boot, seq++, now + skew, kind, detail))));
        }

        void Sample(ControllerState state, decimal coolant, ControllerAlarms alarms = ControllerAlarms.None)
        {
            var arrival = now + TimeSpan.FromMilliseconds(delayMillis[i % delayMillis.Length]);
            var sample = new TelemetrySample(SessionScenario.ControllerId, boot, seq++, now + skew, state, Temperature.FromCelsius(coolant), Temperature.FromCelsius(17.5m), 600, true, alarms);
            timed.Add((arrival, new TelemetryReceived(arrival, sample)));
        }

        void NextStep(DateTimeOffset? effective)
        {
            switch (step++)
            {
                case 0:
                    Device(ControllerEventKind.CapOn);
                    Device(ControllerEventKind.Setpoint, "-4.0");
                    Device(ControllerEventKind.CoolingStart);
                    break;
                case 1:
                    Nurse(new StartInfusion(now, SessionScenario.NurseId, effective));
                    break;
                case 2:
                    Nurse(new EndInfusion(now, SessionScenario.EndingNurse, effective));
                    break;
                case 3:
                    Device(ControllerEventKind.CoolingStop);
                    break;
                case 4:
                    Device(ControllerEventKind.CapOff);
                    break;
                default:
                    Nurse(new RemoveCap(now, SessionScenario.EndingNurse, effective));
                    break;
            }
        }

        Nurse(new StartSession(now, SessionScenario.NurseId, SessionScenario.Plan()));
        for (i = 0; i < operations.Length; i++)
        {
            now += TimeSpan.FromSeconds(pauseSeconds[i % pauseSeconds.Length]);
            switch (operations[i])
            {
                case 0 or 1 or 2:
                    NextStep(null);
                    break;
                case 3:
                    Sample(ControllerState.Cooling, -4.0m + (i % 30 / 10m));
                    break;
                case 4:
                    Sample(ControllerState.Paused, 0.5m);
                    break;
                case 5:
                    Device(ControllerEventKind.Pause);
                    break;
                case 6:
                    Device(ControllerEventKind.Resume);
                    break;
                case 7:
                    Nurse(new ControllerWentOffline(now));
                    break;
                case 8:
                    Nurse(new ControllerCameOnline(now));
                    Nurse(new ControllerHelloReceived(now, new ControllerHello(SessionScenario.ControllerId, ++boot, "SIM-1", "1.0." + boot % 7, 1)));
                    seq = 0;
                    break;
                case 9:
                    Sample(ControllerState.Fault, 3.0m, ControllerAlarms.FlowLow | ControllerAlarms.Overcool);
                    break;
                case 10:
                    Nurse(new RecordTolerance(now, SessionScenario.EndingNurse, i % 11));
                    break;
                case 11:
                    var earlier = TimeSpan.FromSeconds(pauseSeconds[(i + 1) % pauseSeconds.Length]);
                    NextStep(now - earlier < s_start ? s_start : now - earlier);
                    break;
                case 12:
                    Nurse(new PlaceCap(now, SessionScenario.NurseId));
                    break;
                default:
                    if (i % 5 == 0)
                    {
                        Nurse(new AbortSession(now, SessionScenario.NurseId, AbortReason.Other));
                    }

                    break;
            }
        }

        return [.. timed.OrderBy(t => t.Arrival).Select(t => t.Input)];
    }
}
