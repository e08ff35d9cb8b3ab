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
            AbortSession abort => "aborted: " + ClinicalWords.Of(abort.Reason),
            VoidSession voided => "voided: " + ClinicalWords.Of(voided.Reason),
            RecordTolerance tolerance => "tolerance " + tolerance.Score.ToString(CultureInfo.InvariantCulture),
            RecordAdverseEvent adverse => "adverse event: " + ClinicalWords.Of(adverse.Event),
            GiveBillingDetails given => BillingDetailsGiven(given),
            MoveToCourse move => "moved to course " + move.CourseId,
            _ => ClinicalWords.Of(action.Kind),
        };
        // When it happened is the audit row's own column (shown in site time), not part of these words.
        return before == after ? detail : $"{detail}; status {(before is { } was ? ClinicalWords.Of(was) : "none")} → {ClinicalWords.Of(after)}";
    }

    /// <summary>Which billing details were given, never their values (a visit number and diagnoses are PHI).</summary>
    private static string BillingDetailsGiven(GiveBillingDetails given)
    {
        var what = new List<string>(4);
        if (given.Visit is not null)
        {
            what.Add("visit");
        }

        if (given.Details.OrderingProviderNpi is not null)
        {
            what.Add("ordering provider");
        }

        if (given.Details.DiagnosisCodes.Count > 0)
        {
            what.Add(string.Create(CultureInfo.InvariantCulture, $"{given.Details.DiagnosisCodes.Count} diagnosis code(s)"));
        }

        if (given.Details.Payer is not null)
        {
            what.Add("payer");
        }

        return "billing details given: " + string.Join(", ", what);
    }
}
