using System.Text.RegularExpressions;
using InfusionSuite.Application.Nursing;

namespace InfusionSuite.Application.Ehr;

/// <summary>
/// The visit a session is billed and documented under is its visit number (the Encounter's identifier in the site's
/// visit-number system: what HL7 PV1-19 carries and what FHIR delivery finds the Encounter by), never an EHR resource id.
/// An EHR id typed in a visit field (<c>Encounter/123</c>, or its URL) is read at the EHR for the visit number; without an
/// EHR, or when the visit has no number there, it is refused with a field error. The one rule for every visit field (the
/// start's encounter, the billing details' visit). No patient data in its words.
/// </summary>
public static partial class VisitIdentity
{
    /// <summary>What a nurse reads when an EHR id is given where the visit number goes.</summary>
    public const string NotAVisitNumber = "Enter the visit number, not the EHR's id of the visit (Encounter/…): the visit number is what the EHR's interfaces match.";

    /// <summary>An EHR resource id of a visit: <c>Encounter/{id}</c>, alone or at the end of a URL.</summary>
    public static bool IsEhrReference(string? visit) => visit is not null && EncounterId().IsMatch(visit.Trim());

    /// <summary>The visit number to keep for <paramref name="visit"/> (as given when it is not an EHR id), or the problem for the nurse on <paramref name="field"/>.</summary>
    public static async Task<(string? Visit, FieldError? Problem)> ResolveAsync(string? visit, string field, IEhrPatientLookup? lookup, CancellationToken cancellationToken)
    {
        if (!IsEhrReference(visit))
        {
            return (visit, null);
        }

        if (lookup is not { IsConfigured: true })
        {
            return (null, new FieldError(field, NotAVisitNumber));
        }

        var id = EncounterId().Match(visit!.Trim()).Groups["id"].Value;
        var found = await lookup.FindVisitAsync("Encounter/" + id, cancellationToken);
        return found switch
        {
            { Problem: { } problem } => (null, new FieldError(field, problem + " Enter the visit number.")),
            { Visit: { VisitNumber: { Length: > 0 } number } } => (number, null),
            { Visit: null } => (null, new FieldError(field, "The EHR has no visit with this id. Enter the visit number.")),
            _ => (null, new FieldError(field, "The EHR gives this visit no visit number in the site's system (Fhir:Mapping:EncounterIdentifierSystem). Enter the visit number.")),
        };
    }

    [GeneratedRegex(@"(^|/)Encounter/(?<id>[A-Za-z0-9\-\.]{1,64})/?$")]
    private static partial Regex EncounterId();
}
