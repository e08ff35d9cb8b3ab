using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Devices.Tests;

/// <summary>The example lines of the CCP/1 spec (their checksums are real) and the values they carry.</summary>
internal static class SpecExamples
{
    public const uint Boot = 0x9f3a61c2;

    public const string HelloLine = "$CCH,CHAIR-07,9f3a61c2,SIM-1,1.0.0,1*0F\r\n";
    public const string CoolingStartLine = "$CCE,CHAIR-07,7,2026-11-27T08:40:00.000Z,COOLING_START,*6A\r\n";
    public const string Telemetry1042Line = "$CCT,CHAIR-07,1042,2026-11-27T09:14:03.250Z,COOLING,-3.8,17.6,620,1,0000*43\r\n";
    public const string Telemetry1043Line = "$CCT,CHAIR-07,1043,2026-11-27T09:14:04.250Z,COOLING,-3.7,17.6,180,1,0001*46\r\n";
    public const string CalibratedLine = "$CCE,CHAIR-07,1044,2026-11-27T09:14:05.000Z,CALIBRATED,M*47\r\n";

    public const string OnlineJson = """{"online":true,"boot":"9f3a61c2","model":"SIM-1","firmware":"1.0.0","protocol":1}""";
    public const string TelemetryJson = """{"boot":"9f3a61c2","seq":1042,"ts":"2026-11-27T09:14:03.250Z","state":"COOLING","coolantC":-3.8,"scalpC":17.6,"flowMlMin":620,"capConnected":true,"alarms":[]}""";
    public const string CalibratedJson = """{"boot":"9f3a61c2","seq":1044,"ts":"2026-11-27T09:14:05.000Z","event":"CALIBRATED","detail":"M"}""";

    public static readonly ControllerHello Hello = new("CHAIR-07", Boot, "SIM-1", "1.0.0", 1);

    public static readonly ControllerEvent CoolingStart = new(
        "CHAIR-07", Boot, 7, Utc(2026, 11, 27, 8, 40, 0, 0), ControllerEventKind.CoolingStart, null);

    public static readonly TelemetrySample Telemetry1042 = new(
        "CHAIR-07", Boot, 1042, Utc(2026, 11, 27, 9, 14, 3, 250), ControllerState.Cooling,
        new Temperature(-38), new Temperature(176), 620, true, ControllerAlarms.None);

    public static readonly TelemetrySample Telemetry1043 = new(
        "CHAIR-07", Boot, 1043, Utc(2026, 11, 27, 9, 14, 4, 250), ControllerState.Cooling,
        new Temperature(-37), new Temperature(176), 180, true, ControllerAlarms.FlowLow);

    public static readonly ControllerEvent Calibrated = new(
        "CHAIR-07", Boot, 1044, Utc(2026, 11, 27, 9, 14, 5, 0), ControllerEventKind.Calibrated, "M");

    public static DateTimeOffset Utc(int year, int month, int day, int hour, int minute, int second, int millisecond) =>
        new(year, month, day, hour, minute, second, millisecond, TimeSpan.Zero);
}
