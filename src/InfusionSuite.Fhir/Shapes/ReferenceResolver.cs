using Hl7.Fhir.Model;

namespace InfusionSuite.Fhir.Shapes;

/// <summary>
/// Turns the logical references of a session's resources (the patient by MRN, the visit by its number,
/// a nurse by NPI, the chemotherapy administration by order number) into the EHR's literal references by
/// searching the EHR by identifier; a reference to one of the session's own Procedures comes from
/// what was sent. Says which could not be resolved, and why.
/// </summary>
internal sealed class ReferenceResolver(EhrRestClient ehr)
{
    /// <summary>Types whose unresolved reference holds the item for staff; others are left out of the resource.</summary>
    private static readonly Dictionary<string, string> s_required = new(StringComparer.Ordinal)
    {
        ["Patient"] = "the patient (by MRN)",
        ["Encounter"] = "the visit (Encounter, by visit number)",
        ["Practitioner"] = "a performing nurse (Practitioner",
    };

    public static string Key(ResourceReference reference) => $"{reference.Type}|{reference.Identifier?.System}|{reference.Identifier?.Value}";

    /// <summary>
    /// The literal reference per logical one (null: leave it out), or the reason to hold the item, or the
    /// EHR's answer when it could not be asked now (transient).
    /// </summary>
    public async Task<ResolvedReferences> ResolveAsync(Bundle bundle, EhrCapabilities capabilities, SentResources sent, string sessionId, CancellationToken cancellationToken)
    {
        var resolved = new ResolvedReferences();
        var logical = bundle.Entry.Where(e => e.Resource is not null).SelectMany(e => ResourceFields.References(e.Resource!))
            .Where(r => r.Reference is null && r.Identifier is not null && r.Type is not null)
            .DistinctBy(Key);
        foreach (var reference in logical)
        {
            var type = reference.Type!;
            if (type == "Procedure")
            {
                var value = reference.Identifier!.Value ?? string.Empty;
                var suffix = value.StartsWith(sessionId + "/", StringComparison.Ordinal) ? value[(sessionId.Length + 1)..] : value;
                resolved.Literal[Key(reference)] = sent.Reference("Procedure " + suffix);
                continue;
            }

            string? why;
            if (!capabilities.CanSearchBy(type, "identifier"))
            {
                why = $"the EHR does not search {type} by identifier";
            }
            else
            {
                var query = Uri.EscapeDataString($"{reference.Identifier!.System}|{reference.Identifier.Value}");
                var answer = await ehr.GetAsync($"{type}?identifier={query}", cancellationToken);
                if (!answer.Succeeded)
                {
                    if (answer.Transient)
                    {
                        resolved.Unavailable = answer;
                        return resolved;
                    }

                    why = "the search was refused: " + answer.Explanation();
                }
                else
                {
                    var ids = SearchSet.Ids(answer.Body, type);
                    why = ids.Count switch
                    {
                        1 => null,
                        0 => "not found",
                        _ => $"{ids.Count} matches",
                    };
                    if (why is null)
                    {
                        resolved.Literal[Key(reference)] = $"{type}/{ids[0]}";
                        continue;
                    }
                }
            }

            resolved.Literal[Key(reference)] = null;
            if (s_required.TryGetValue(type, out var what))
            {
                var hold = type == "Practitioner" ? $"{what}, by {reference.Identifier!.System}): {why}" : $"{what}: {why}";
                if (!resolved.Holds.Contains(hold))
                {
                    resolved.Holds.Add(hold);
                }
            }
            else
            {
                resolved.Notes.Add($"{type} reference left out ({why})");
            }
        }

        return resolved;
    }
}
