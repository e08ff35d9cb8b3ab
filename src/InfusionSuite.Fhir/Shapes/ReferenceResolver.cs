using System.Text.RegularExpressions;
using Hl7.Fhir.Model;

namespace InfusionSuite.Fhir.Shapes;

/// <summary>
/// Checks every reference a session's resources carry to something the EHR owns before anything is sent,
/// and turns the logical ones into literal references. A literal reference given at the start (<c>Encounter/123</c>,
/// <c>MedicationAdministration/ma-1</c>, a nurse's <c>Practitioner/7</c>) is read at the EHR; a logical one (the
/// patient by MRN, the visit by its number, a nurse by NPI, the chemotherapy administration by order number) is
/// searched by identifier. A reference to one of the session's own Procedures comes from what was sent. Whatever
/// cannot be found holds the item for staff with a reason naming what (never its value: no PHI); nothing is left out.
/// </summary>
internal sealed partial class ReferenceResolver(EhrRestClient ehr)
{
    public static string Key(ResourceReference reference) => $"{reference.Type}|{reference.Identifier?.System}|{reference.Identifier?.Value}";

    /// <summary>
    /// The literal reference per logical one, or the reasons to hold the item, or the EHR's answer when it
    /// could not be asked now (transient). With <paramref name="sent"/> null (a transaction Bundle), a reference to
    /// one of the session's own Procedures stays as it is: the Bundle carries it, or an earlier one sent it.
    /// </summary>
    public async Task<ResolvedReferences> ResolveAsync(Bundle bundle, EhrCapabilities capabilities, SentResources? sent, string sessionId, CancellationToken cancellationToken)
    {
        var resolved = new ResolvedReferences();
        var all = bundle.Entry.Where(e => e.Resource is not null).SelectMany(e => ResourceFields.References(e.Resource!)).ToList();
        foreach (var literal in all.Select(r => r.Reference).OfType<string>().Where(r => Literal().IsMatch(r)).Distinct(StringComparer.Ordinal))
        {
            var slash = literal.IndexOf('/', StringComparison.Ordinal);
            var (type, id) = (literal[..slash], literal[(slash + 1)..]);
            var why = await CheckAsync(type, id, capabilities, resolved, cancellationToken);
            if (resolved.Unavailable is not null)
            {
                return resolved;
            }

            if (why is not null)
            {
                Hold(resolved, What(type, "by EHR id"), why);
            }
        }

        foreach (var reference in all.Where(r => r.Reference is null && r.Identifier is not null && r.Type is not null).DistinctBy(Key))
        {
            var type = reference.Type!;
            if (type == "Procedure")
            {
                if (sent is null)
                {
                    continue;
                }

                var value = reference.Identifier!.Value ?? string.Empty;
                var suffix = value.StartsWith(sessionId + "/", StringComparison.Ordinal) ? value[(sessionId.Length + 1)..] : value;
                resolved.Literal[Key(reference)] = sent.Reference("Procedure " + suffix);
                if (resolved.Literal[Key(reference)] is null)
                {
                    Hold(resolved, $"this session's Procedure {suffix}", "it has not reached the EHR (if it is there, give its id with \"handled outside InfusionSuite\")");
                    resolved.OwnProcedures.Add("Procedure " + suffix);
                }

                continue;
            }

            var (literal, why) = await SearchAsync(type, reference.Identifier!, capabilities, resolved, cancellationToken);
            if (resolved.Unavailable is not null)
            {
                return resolved;
            }

            resolved.Literal[Key(reference)] = literal;
            if (why is not null)
            {
                Hold(resolved, What(type, "by " + How(type, reference.Identifier!)), why);
            }
        }

        return resolved;
    }

    /// <summary>Null when the EHR holds <c>{type}/{id}</c>; else why not (not found, or it cannot be checked).</summary>
    private async Task<string?> CheckAsync(string type, string id, EhrCapabilities capabilities, ResolvedReferences resolved, CancellationToken cancellationToken)
    {
        if (capabilities.Can(type, "read"))
        {
            var answer = await ehr.GetAsync($"{type}/{Uri.EscapeDataString(id)}", cancellationToken);
            return answer switch
            {
                { Succeeded: true } => null,
                { Status: 404 or 410 } => "not found",
                { Transient: true } => Unavailable(resolved, answer),
                _ => "the read was refused: " + answer.Explanation(),
            };
        }

        if (capabilities.CanSearchBy(type, "_id"))
        {
            var answer = await ehr.GetAsync($"{type}?_id={Uri.EscapeDataString(id)}", cancellationToken);
            return answer switch
            {
                { Succeeded: true } => SearchSet.Ids(answer.Body, type).Count == 1 ? null : "not found",
                { Transient: true } => Unavailable(resolved, answer),
                _ => "the search was refused: " + answer.Explanation(),
            };
        }

        return $"the EHR lets InfusionSuite neither read nor search {type}, so it cannot be checked";
    }

    private async Task<(string? Literal, string? Why)> SearchAsync(string type, Identifier identifier, EhrCapabilities capabilities, ResolvedReferences resolved, CancellationToken cancellationToken)
    {
        if (!capabilities.CanSearchBy(type, "identifier"))
        {
            return (null, $"the EHR does not search {type} by identifier");
        }

        var query = Uri.EscapeDataString($"{identifier.System}|{identifier.Value}");
        var answer = await ehr.GetAsync($"{type}?identifier={query}", cancellationToken);
        if (!answer.Succeeded)
        {
            return answer.Transient ? (null, Unavailable(resolved, answer)) : (null, "the search was refused: " + answer.Explanation());
        }

        var ids = SearchSet.Ids(answer.Body, type);
        return ids.Count switch
        {
            1 => ($"{type}/{ids[0]}", null),
            0 => (null, "not found"),
            _ => (null, $"{ids.Count} matches"),
        };
    }

    private static string? Unavailable(ResolvedReferences resolved, EhrResponse answer)
    {
        resolved.Unavailable = answer;
        return null;
    }

    private static void Hold(ResolvedReferences resolved, string what, string why)
    {
        var hold = $"{what}: {why}";
        if (!resolved.Holds.Contains(hold))
        {
            resolved.Holds.Add(hold);
        }
    }

    /// <summary>What the reference is, in staff's words, and how it was given: never its value.</summary>
    private static string What(string type, string how) => type switch
    {
        "Patient" => $"the patient ({how})",
        "Encounter" => $"the visit (Encounter, {how})",
        "Practitioner" => $"a performing nurse or the ordering provider (Practitioner, {how})",
        "MedicationAdministration" or "MedicationRequest" or "ServiceRequest" => $"the chemotherapy administration ({type}, {how})",
        "Procedure" => $"the chemotherapy administration (Procedure, {how})",
        _ => $"a {type} ({how})",
    };

    private static string How(string type, Identifier identifier) => type switch
    {
        "Patient" => "MRN",
        "Encounter" => "visit number",
        "MedicationAdministration" or "MedicationRequest" or "ServiceRequest" => "order number",
        "Practitioner" when identifier.System == Outbox.SessionFhirContextReader.NpiSystem => "NPI",
        "Practitioner" => "staff identifier",
        _ => identifier.System ?? "identifier",
    };

    /// <summary>A relative literal reference to a resource the EHR owns: <c>Type/id</c> (not a Bundle's <c>urn:uuid:</c>, not contained).</summary>
    [GeneratedRegex("^[A-Z][A-Za-z]+/[A-Za-z0-9\\-\\.]{1,64}$")]
    private static partial Regex Literal();
}
