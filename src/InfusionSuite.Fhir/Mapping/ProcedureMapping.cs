using System.Net;
using Hl7.Fhir.Model;
using InfusionSuite.Application.Ehr;
using InfusionSuite.Domain.Billing;
using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Fhir.Mapping;

/// <summary>
/// The session's Procedure (97008, 0663T before 2026: placement, cooling, removal) and the fitting's
/// (97007, 0662T before 2026: measurement and calibration of the cap), each coded from the code set in
/// force on its date of service.
/// </summary>
internal static class ProcedureMapping
{
    /// <summary>The per-session code's Procedure, for a session that placed a cap; null otherwise.</summary>
    public static Procedure? Placement(BundleScope scope, BillingCodeRow code)
    {
        var record = scope.Record;
        if (record.PerformedPeriod is not { } performed)
        {
            return null;
        }

        var procedure = Common(scope, code);
        procedure.Status = Status(record);
        procedure.Performed = BundleScope.Period(performed.Start, performed.End);
        procedure.PartOf = [scope.Administration()];
        procedure.Performer = [.. Performers(record).Select(nurse => new Procedure.PerformerComponent { Actor = scope.Practitioner(nurse) })];
        procedure.Note = [new Annotation { Text = SessionSummaryText.For(record) }];
        procedure.Text = Readable(code.Display, procedure.Note[0].Text);
        if (record.Abort is { } abort && !scope.Voided)
        {
            procedure.StatusReason = scope.LocalConcept("abort-" + Kebab(abort.Reason.ToString()), "Stopped early: " + abort.Words);
        }

        return procedure;
    }

    /// <summary>
    /// The fitting's Procedure, for the session in which the cap was measured and calibrated (first of
    /// a course); null otherwise. The fitting keeps its own status: done is <c>completed</c>, even in a
    /// session stopped later.
    /// </summary>
    public static Procedure? Calibration(BundleScope scope, BillingCodeRow code)
    {
        var record = scope.Record;
        if (record.Calibration is null && !record.Plan.FirstOfCourse)
        {
            return null;
        }

        var procedure = Common(scope, code);
        procedure.Status = scope.Voided ? EventStatus.EnteredInError : EventStatus.Completed;
        procedure.Performed = BundleScope.Instant(record.Calibration?.At ?? record.StartedAt);
        procedure.Performer = [new Procedure.PerformerComponent { Actor = scope.Practitioner(StartingNurse(record)) }];
        var size = record.Calibration?.Size ?? record.Plan.CapSize;
        procedure.Note = [new Annotation
        {
            Text = size is { } s ? $"Cap measured and calibrated: size {s}." : "Cap measured and calibrated.",
        }];
        procedure.Text = Readable(code.Display, procedure.Note[0].Text);
        return procedure;
    }

    private static Procedure Common(BundleScope scope, BillingCodeRow code)
    {
        var procedure = new Procedure
        {
            Meta = new Meta { Profile = [UsCoreProfiles.Procedure] },
            Identifier = [scope.SessionIdentifier(code.Code)],
            Code = new CodeableConcept { Coding = [new Coding(FhirCodes.Cpt, code.Code, code.Display)], Text = code.Display },
            Subject = scope.Patient(),
            Encounter = scope.Encounter(),
            UsedReference = [scope.Device()],
            BodySite = [new CodeableConcept { Coding = [new Coding(FhirCodes.Snomed, FhirCodes.ScalpStructure, FhirCodes.ScalpStructureDisplay)] }],
        };
        if (scope.Record.Void is { } voided)
        {
            procedure.StatusReason = scope.LocalConcept("void-" + Kebab(voided.Reason.ToString()), "Entered in error: " + Words(voided.Reason.ToString()) + (voided.Details is null ? string.Empty : ": " + voided.Details));
        }

        return procedure;
    }

    /// <summary>The narrative an EHR shows when it shows nothing else: the code's display, then the nurse-style summary.</summary>
    private static Narrative Readable(string display, string? summary) => new()
    {
        Status = Narrative.NarrativeStatus.Generated,
        Div = $"<div xmlns=\"http://www.w3.org/1999/xhtml\"><p><b>{WebUtility.HtmlEncode(display)}</b></p><p>{WebUtility.HtmlEncode(summary)}</p></div>",
    };

    private static EventStatus Status(ScalpCoolingSessionRecord record) => record.Status switch
    {
        SessionStatus.Voided => EventStatus.EnteredInError,
        SessionStatus.Aborted => EventStatus.Stopped,
        SessionStatus.Completed => EventStatus.Completed,
        _ => EventStatus.InProgress,
    };

    /// <summary>The nurse who started the session, then the one who ended it when different.</summary>
    private static IEnumerable<string> Performers(ScalpCoolingSessionRecord record)
    {
        var starting = StartingNurse(record);
        yield return starting;
        var ending = record.NurseEntries.LastOrDefault(e => e.Kind is NurseActionKind.CapRemoved or NurseActionKind.Abort)?.NurseId;
        if (ending is not null && !string.Equals(ending, starting, StringComparison.Ordinal))
        {
            yield return ending;
        }
    }

    private static string StartingNurse(ScalpCoolingSessionRecord record) =>
        record.NurseEntries.FirstOrDefault(e => e.Kind == NurseActionKind.StartSession)?.NurseId ?? record.Nurses[0];

    private static string Kebab(string pascal) => string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static string Words(string pascal) => Kebab(pascal).Replace('-', ' ');
}
