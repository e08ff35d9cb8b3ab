using System.Globalization;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Domain.Sessions.Inputs;

namespace InfusionSuite.Application.Ingest;

/// <summary>The audit's "what changed", in words for staff, without patient data.</summary>
internal static class NurseChange
{
    public static string Describe(NurseAction action, SessionStatus? before, SessionStatus after)
    {
        var detail = action switch
        {
            StartSession start => string.Create(CultureInfo.InvariantCulture,
                $"session started on {start.Plan.ControllerId}, targets {start.Plan.Targets.PreCooling.TotalMinutes:0}/{start.Plan.Targets.PostCooling.TotalMinutes:0} min"),
            AbortSession abort => "aborted: " + abort.Reason,
            VoidSession voided => "voided: " + voided.Reason,
            RecordTolerance tolerance => "tolerance " + tolerance.Score.ToString(CultureInfo.InvariantCulture),
            RecordAdverseEvent adverse => "adverse event: " + adverse.Event,
            _ => action.Kind.ToString(),
        };
        var late = action.EffectiveAt is { } effective && effective != action.ReceivedAt
            ? string.Create(CultureInfo.InvariantCulture, $"; effective {effective:O}")
            : string.Empty;
        return before == after ? detail + late : $"{detail}{late}; status {(before?.ToString() ?? "none")} → {after}";
    }
}
