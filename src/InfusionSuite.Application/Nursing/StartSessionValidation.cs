using InfusionSuite.Application.Billing;
using System.Globalization;
using InfusionSuite.Application.Ehr;
using InfusionSuite.Domain.Billing;
using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Application.Nursing;

/// <summary>
/// The one check of a session start, field by field (each problem named). The REST API and the start
/// form answer with these errors; the writer checks every request it is handed the same way
/// (<see cref="Problem"/>), whoever built it. The target range is the policy's (<see cref="SessionPolicy.IsTargetAllowed"/>).
/// </summary>
public static class StartSessionValidation
{
    /// <summary>The longest text a field takes (the form's <c>maxlength</c>).</summary>
    public const int MaxTextLength = 200;

    public static StartSessionCheck Check(StartSessionInput input, string nurseId, SessionPolicy policy, BillingPolicy billing)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(billing);
        var errors = new List<FieldError>();
        Required(errors, "controllerId", input.ControllerId, "Choose the chair.");
        if (!string.IsNullOrWhiteSpace(input.ControllerId) && !ControllerIdForm.IsValid(input.ControllerId.Trim()))
        {
            errors.Add(new("controllerId", ControllerIdForm.Rule));
        }

        Required(errors, "patientReference", input.PatientReference, "Enter the patient's MRN or EHR id.");
        Required(errors, "patientName", input.PatientName, "Enter the patient's name.");
        Required(errors, "administrationId", input.AdministrationId, "Enter the chemotherapy administration id.");
        if (input.Encounter is { Length: > MaxTextLength })
        {
            errors.Add(TooLong("encounter"));
        }
        else if (input.Encounter is { } encounter && encounter.Any(char.IsControl))
        {
            errors.Add(ControlCharacters("encounter"));
        }
        else if (Ehr.VisitIdentity.IsEhrReference(input.Encounter))
        {
            errors.Add(new FieldError("encounter", Ehr.VisitIdentity.NotAVisitNumber));
        }

        if (!string.IsNullOrWhiteSpace(input.PatientEhrReference) && !PatientIdentity.IsEhrReference(input.PatientEhrReference.Trim()))
        {
            errors.Add(new("patientEhrReference", "The patient's EHR id must read Patient/{id}."));
        }

        var billingDetails = BillingDetailsGiven(input) ? new BillingDetailsEntry(null, input.OrderingProviderNpi, input.Diagnoses, input.Payer) : null;
        if (billingDetails is not null)
        {
            errors.AddRange(BillingDetailsValidation.Check(billingDetails).Errors); // the same rule as on the session page
        }

        Identifier(errors, "sessionId", input.SessionId, allowSlash: false);
        Identifier(errors, "courseId", input.CourseId, allowSlash: true);

        if (string.IsNullOrWhiteSpace(input.PrimaryCptCode))
        {
            errors.Add(new("primaryCptCode", "Choose the primary CPT code of the administration."));
        }
        else if (!IsWellFormedProcedureCode(input.PrimaryCptCode.Trim()))
        {
            // Only the form is checked: whether scalp cooling may pair with the code is billing's decision, never a refusal to document.
            errors.Add(new("primaryCptCode", "Enter a CPT code (5 digits, or 4 digits and F, T or U) or a HCPCS code (a letter and 4 digits)."));
        }

        var preset = input.RegimenPreset is { Length: > 0 } name ? policy.Presets.FirstOrDefault(p => p.Name == name) : null;
        var targetsGiven = input.PreCoolingMinutes is not null && input.PostCoolingMinutes is not null;
        if (string.IsNullOrWhiteSpace(input.RegimenPreset))
        {
            if (!targetsGiven)
            {
                errors.Add(new("regimenPreset", "Choose a regimen preset or give both targets."));
            }
        }
        else if (preset is null)
        {
            errors.Add(new("regimenPreset", "Unknown regimen preset."));
        }

        Target(errors, "preCoolingMinutes", input.PreCoolingMinutes, policy, "Pre-cooling");
        Target(errors, "postCoolingMinutes", input.PostCoolingMinutes, policy, "Post-cooling");
        CapSize? capSize = null;
        if (!string.IsNullOrWhiteSpace(input.CapSize))
        {
            if (Enum.TryParse<CapSize>(input.CapSize, ignoreCase: true, out var size) && Enum.IsDefined(size))
            {
                capSize = size;
            }
            else
            {
                errors.Add(new("capSize", "The cap size must be XS, S, M, L or XL."));
            }
        }

        if (errors.Count > 0)
        {
            return new StartSessionCheck(null, errors);
        }

        var targets = new RegimenTargets(
            TimeSpan.FromMinutes(input.PreCoolingMinutes ?? (int)preset!.Targets.PreCooling.TotalMinutes),
            TimeSpan.FromMinutes(input.PostCoolingMinutes ?? (int)preset!.Targets.PostCooling.TotalMinutes));
        var patient = input.PatientReference!.Trim();
        var request = new StartSessionRequest(
            nurseId,
            input.ControllerId!.Trim(),
            string.IsNullOrWhiteSpace(input.CourseId) ? string.Empty : input.CourseId.Trim(), // empty: the writer finds the patient's course
            patient,
            new ChemoAdministration(input.AdministrationId!.Trim(), input.PrimaryCptCode!.Trim()),
            preset?.Name,
            targets,
            capSize,
            input.FirstOfCourse,
            input.EffectiveAt,
            string.IsNullOrWhiteSpace(input.SessionId) ? null : input.SessionId.Trim(),
            string.IsNullOrWhiteSpace(input.Encounter) ? null : input.Encounter.Trim(),
            input.PatientName!.Trim(),
            input.IdentityConfirmed,
            input.ConfirmUnheardController,
            billingDetails,
            string.IsNullOrWhiteSpace(input.PatientEhrReference) ? null : input.PatientEhrReference.Trim());
        return Problem(request, policy) is { } problem
            ? new StartSessionCheck(null, [problem])
            : new StartSessionCheck(request, errors);
    }

    private static bool BillingDetailsGiven(StartSessionInput input) =>
        !string.IsNullOrWhiteSpace(input.OrderingProviderNpi) || !string.IsNullOrWhiteSpace(input.Payer)
        || (input.Diagnoses ?? []).Any(d => !string.IsNullOrWhiteSpace(d));

    /// <summary>What the writer checks of any start it is handed (the API's, the demo's): null when it can start.</summary>
    public static FieldError? Problem(StartSessionRequest request, SessionPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(policy);
        if (string.IsNullOrWhiteSpace(request.NurseId))
        {
            return new("nurseId", "A nurse is required.");
        }

        if (string.IsNullOrWhiteSpace(request.ControllerId))
        {
            return new("controllerId", "Choose the chair.");
        }

        if (!ControllerIdForm.IsValid(request.ControllerId))
        {
            return new("controllerId", ControllerIdForm.Rule);
        }

        if (string.IsNullOrWhiteSpace(request.PatientReference))
        {
            return new("patientReference", "Enter the patient's MRN or EHR id.");
        }

        if (request.Targets is null && request.RegimenPreset is null)
        {
            return new("regimenPreset", "Choose a regimen preset or give the targets.");
        }

        return request.RegimenPreset is { } name && !policy.Presets.Any(p => p.Name == name)
            ? new("regimenPreset", "Unknown regimen preset.")
            : null;
    }

    /// <summary>A CPT code (<c>96413</c>, <c>0663T</c>, <c>3008F</c>) or a HCPCS Level II code (<c>J9267</c>).</summary>
    public static bool IsWellFormedProcedureCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return code.Length == 5 && (
            code.All(char.IsAsciiDigit)
            || (code[..4].All(char.IsAsciiDigit) && code[4] is 'F' or 'T' or 'U')
            || (char.IsAsciiLetterUpper(code[0]) && code[1..].All(char.IsAsciiDigit)));
    }

    private static void Required(List<FieldError> errors, string field, string? value, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(field, message));
        }
        else if (value.Length > MaxTextLength)
        {
            errors.Add(TooLong(field));
        }
        else if (value.Any(char.IsControl))
        {
            errors.Add(ControlCharacters(field));
        }
    }

    /// <summary>Tabs, line breaks, bells and escapes are never part of a name or an id (they would reach pages, HL7 and FHIR as they are).</summary>
    internal static FieldError ControlCharacters(string field) => new(field, "No control characters (tabs, line breaks and the like).");

    private static void Identifier(List<FieldError> errors, string field, string? value, bool allowSlash)
    {
        if (!string.IsNullOrWhiteSpace(value) && RecordIdentifier.Problem(value.Trim(), allowSlash) is { } problem)
        {
            errors.Add(new(field, problem));
        }
    }

    private static FieldError TooLong(string field) =>
        new(field, string.Create(CultureInfo.InvariantCulture, $"At most {MaxTextLength} characters."));

    private static void Target(List<FieldError> errors, string field, int? minutes, SessionPolicy policy, string what)
    {
        if (minutes is { } m && !policy.IsTargetAllowed(TimeSpan.FromMinutes(m)))
        {
            errors.Add(new(field, string.Create(
                CultureInfo.InvariantCulture, $"{what} must be {(int)policy.MinimumTarget.TotalMinutes}–{(int)policy.MaximumTarget.TotalMinutes} minutes.")));
        }
    }
}
