using InfusionSuite.Application.Nursing;

namespace InfusionSuite.Application.Ehr;

/// <summary>
/// One patient identity however a start was made: the MRN is the key (courses, billing over the day and the
/// course, the identity checks), the EHR's id is kept beside it. A start given by EHR id (<c>Patient/{id}</c>,
/// typed or from an older form) is resolved to the MRN the EHR holds for that patient before it reaches the
/// writer; without an EHR nothing can be resolved and the start stays as given. No patient data in its words.
/// </summary>
public static class PatientIdentity
{
    private const string Prefix = "Patient/";

    /// <summary>A literal FHIR Patient reference: <c>Patient/</c> and an id (letters, digits, <c>-</c>, <c>.</c>; 1–64).</summary>
    public static bool IsEhrReference(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var id = reference.StartsWith(Prefix, StringComparison.Ordinal) ? reference[Prefix.Length..] : string.Empty;
        return id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.');
    }

    /// <summary>The start keyed by the MRN with the EHR id beside it, or the problem for the nurse (field <c>patientReference</c>).</summary>
    public static async Task<(StartSessionRequest? Request, FieldError? Problem)> ResolveAsync(
        StartSessionRequest request, IEhrPatientLookup? lookup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsEhrReference(request.PatientReference) || lookup is not { IsConfigured: true })
        {
            return (request, null);
        }

        var found = await lookup.FindByReferenceAsync(request.PatientReference, cancellationToken);
        if (found.Problem is { } problem)
        {
            return (null, new FieldError("patientReference", problem + " Enter the patient's MRN."));
        }

        return found.Patients is [{ Mrn: { Length: > 0 } mrn } patient]
            ? (request with { PatientReference = mrn, PatientEhrReference = patient.Reference }, null)
            : (null, new FieldError("patientReference", "The EHR has no patient with this id and an MRN. Enter the patient's MRN."));
    }
}
