using Hl7.Fhir.Model;

namespace InfusionSuite.Fhir.Mapping;

/// <summary>Transaction entries that are safe to send again: conditional on the resource's identifier.</summary>
internal static class BundleEntries
{
    /// <summary>POST with <c>ifNoneExist</c>: created once, matched afterwards.</summary>
    public static Bundle.EntryComponent Create(string fullUrl, Resource resource, Identifier identifier) => new()
    {
        FullUrl = fullUrl,
        Resource = resource,
        Request = new Bundle.RequestComponent
        {
            Method = Bundle.HTTPVerb.POST,
            Url = resource.TypeName,
            IfNoneExist = Condition(identifier),
        },
    };

    /// <summary>PUT <c>Type?identifier=…</c>: updates the resource sent before, or creates it.</summary>
    public static Bundle.EntryComponent Update(string fullUrl, Resource resource, Identifier identifier) => new()
    {
        FullUrl = fullUrl,
        Resource = resource,
        Request = new Bundle.RequestComponent
        {
            Method = Bundle.HTTPVerb.PUT,
            Url = resource.TypeName + "?" + Condition(identifier),
        },
    };

    public static string Condition(Identifier identifier) =>
        "identifier=" + Uri.EscapeDataString(identifier.System ?? string.Empty) + "%7C" + Uri.EscapeDataString(identifier.Value ?? string.Empty);
}
