using System.Globalization;
using System.Text;
using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Application.Ingest;

/// <summary>
/// What of a record goes to the EHR, as one comparable string: boundaries, phases, deviations,
/// temperatures, documentation, the controller's identity and clock. Not the live parts (latest
/// reading, online, as-of, possible actions): a session that ended is corrected when this changes.
/// </summary>
internal static class RecordFingerprint
{
    public static string Of(ScalpCoolingSessionRecord record)
    {
        var text = new StringBuilder(512);
        text.Append(CultureInfo.InvariantCulture, $"{record.Status}|{record.StartedAt:O}|{record.Boundaries}|{record.PerformedPeriod}|{record.Interruptions}|");
        foreach (var phase in record.Phases)
        {
            text.Append(CultureInfo.InvariantCulture, $"{phase}|");
        }

        foreach (var deviation in record.Deviations)
        {
            text.Append(CultureInfo.InvariantCulture, $"{deviation}|");
        }

        text.Append(CultureInfo.InvariantCulture, $"{record.Calibration}|{record.Temperatures}|{record.Temperatures.Coolant}|{record.Temperatures.Scalp}|");
        var c = record.Controller;
        text.Append(CultureInfo.InvariantCulture, $"{c.Model}|{c.Firmware}|{c.Boots.Count}|{c.ClockSkew.Warning}|{record.Tolerance}|{record.Abort}|{record.Void}|");
        text.AppendJoin(',', record.AdverseEvents).Append('|').AppendJoin(',', record.Nurses);
        return text.ToString();
    }
}
