using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Application.Ingest;

/// <summary>
/// What of a record a correction is sent for, as one comparable string: boundaries, phases,
/// deviations, calibration, setpoint, documentation, the controller's identity and clock warning,
/// and what billing reads of the plan (visit, billing details, course).
/// Not the live parts (latest reading, online, as-of, possible actions), and not the temperature
/// summaries alone: samples still in flight when a nurse ends the session move them by a tenth,
/// and each would otherwise send the EHR a correction of its own (they go with the next one).
/// </summary>
internal static class RecordFingerprint
{
    /// <summary>The fingerprint as a short hash, the form it is stored in (<see cref="Ports.SessionReported"/>).</summary>
    public static string HashOf(ScalpCoolingSessionRecord record) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Of(record))));

    public static string Of(ScalpCoolingSessionRecord record)
    {
        var text = new StringBuilder(512);
        // Instants, not who said them: a controller's CAP_OFF at the very instant of the nurse's "cap removed" changes nothing sent.
        var b = record.Boundaries;
        text.Append(CultureInfo.InvariantCulture, $"{record.Status}|{record.StartedAt:O}|{b.CapPlacedAt:O}|{b.InfusionStartedAt:O}|{b.InfusionEndedAt:O}|");
        text.Append(CultureInfo.InvariantCulture, $"{b.LastCoolingStopAt:O}|{b.CapRemovedAt:O}|{b.EndedAt:O}|{record.PerformedPeriod}|{record.Interruptions}|");
        foreach (var phase in record.Phases)
        {
            text.Append(CultureInfo.InvariantCulture, $"{phase}|");
        }

        foreach (var deviation in record.Deviations)
        {
            text.Append(CultureInfo.InvariantCulture, $"{deviation}|");
        }

        text.Append(CultureInfo.InvariantCulture, $"{record.Calibration}|{record.Temperatures.Setpoint}|");
        var c = record.Controller;
        text.Append(CultureInfo.InvariantCulture, $"{c.Model}|{c.Firmware}|{c.Boots.Count}|{c.ClockSkew.Warning}|{record.Tolerance}|{record.Abort}|{record.Void}|");
        text.AppendJoin(',', record.AdverseEvents).Append('|').AppendJoin(',', record.Nurses);
        // What billing reads of the plan: a visit or payer given after the end re-decides the charges.
        text.Append(CultureInfo.InvariantCulture, $"|{record.Plan.EncounterReference}|{record.Plan.Billing}|{record.Plan.CourseId}|{record.ControllerRecordIncomplete}");
        return text.ToString();
    }
}
