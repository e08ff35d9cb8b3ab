using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using InfusionSuite.Application.Nursing;
using InfusionSuite.Domain.Billing;
using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Web.Api;

/// <summary>Checks a start request field by field (each problem named) and builds the worker's request.</summary>
internal static class StartSessionValidation
{
    public const int MaxTextLength = 200;

    public static (StartSessionRequest? Request, Dictionary<string, string[]> Errors) Check(
        StartSessionBody body, string nurseId, SessionPolicy policy, BillingPolicy billing)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Required(errors, "controllerId", body.ControllerId, "Choose the chair.");
        Required(errors, "patientReference", body.PatientReference, "Enter the patient's MRN or EHR id.");
        Required(errors, "patientName", body.PatientName, "Enter the patient's name.");
        Required(errors, "administrationId", body.AdministrationId, "Enter the chemotherapy administration id.");
        if (body.Encounter is { Length: > MaxTextLength })
        {
            errors["encounter"] = [string.Create(CultureInfo.InvariantCulture, $"At most {MaxTextLength} characters.")];
        }

        if (string.IsNullOrWhiteSpace(body.PrimaryCptCode))
        {
            errors["primaryCptCode"] = ["Choose the primary CPT code of the administration."];
        }
        else if (!billing.AllowedPrimaryCodes.Contains(body.PrimaryCptCode.Trim()))
        {
            errors["primaryCptCode"] = ["The primary CPT code must be one of " + string.Join(", ", billing.AllowedPrimaryCodes.Order(StringComparer.Ordinal)) + "."];
        }

        var preset = body.RegimenPreset is { Length: > 0 } name ? policy.Presets.FirstOrDefault(p => p.Name == name) : null;
        if (string.IsNullOrWhiteSpace(body.RegimenPreset))
        {
            errors["regimenPreset"] = ["Choose a regimen preset."];
        }
        else if (preset is null)
        {
            errors["regimenPreset"] = ["Unknown regimen preset."];
        }

        var min = (int)policy.MinimumTarget.TotalMinutes;
        var max = (int)policy.MaximumTarget.TotalMinutes;
        Range(errors, "preCoolingMinutes", body.PreCoolingMinutes, min, max, "Pre-cooling");
        Range(errors, "postCoolingMinutes", body.PostCoolingMinutes, min, max, "Post-cooling");
        CapSize? capSize = null;
        if (!string.IsNullOrWhiteSpace(body.CapSize))
        {
            if (Enum.TryParse<CapSize>(body.CapSize, ignoreCase: true, out var size) && Enum.IsDefined(size))
            {
                capSize = size;
            }
            else
            {
                errors["capSize"] = ["The cap size must be XS, S, M, L or XL."];
            }
        }

        if (errors.Count > 0 || preset is null)
        {
            return (null, errors);
        }

        var targets = new RegimenTargets(
            TimeSpan.FromMinutes(body.PreCoolingMinutes ?? (int)preset.Targets.PreCooling.TotalMinutes),
            TimeSpan.FromMinutes(body.PostCoolingMinutes ?? (int)preset.Targets.PostCooling.TotalMinutes));
        var patient = body.PatientReference!.Trim();
        var request = new StartSessionRequest(
            nurseId,
            body.ControllerId!.Trim(),
            string.IsNullOrWhiteSpace(body.CourseId) ? CourseOf(patient, preset.Name) : body.CourseId.Trim(),
            patient,
            new ChemoAdministration(body.AdministrationId!.Trim(), body.PrimaryCptCode!.Trim()),
            preset.Name,
            targets,
            capSize,
            body.FirstOfCourse,
            body.EffectiveAt,
            string.IsNullOrWhiteSpace(body.SessionId) ? null : body.SessionId.Trim(),
            string.IsNullOrWhiteSpace(body.Encounter) ? null : body.Encounter.Trim());
        return (request, errors);
    }

    /// <summary>One course per patient and regimen unless the caller names it; a hash, so the id carries no patient data.</summary>
    internal static string CourseOf(string patientReference, string regimen) =>
        "course-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(patientReference + "\n" + regimen)))[..24];

    private static void Required(Dictionary<string, string[]> errors, string field, string? value, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = [message];
        }
        else if (value.Length > MaxTextLength)
        {
            errors[field] = [string.Create(CultureInfo.InvariantCulture, $"At most {MaxTextLength} characters.")];
        }
    }

    private static void Range(Dictionary<string, string[]> errors, string field, int? minutes, int min, int max, string what)
    {
        if (minutes is { } m && (m < min || m > max))
        {
            errors[field] = [string.Create(CultureInfo.InvariantCulture, $"{what} must be {min}–{max} minutes.")];
        }
    }
}
