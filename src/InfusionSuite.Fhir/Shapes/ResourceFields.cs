using Hl7.Fhir.Model;

namespace InfusionSuite.Fhir.Shapes;

/// <summary>The identifier and the references of each resource InfusionSuite sends, for delivery one resource at a time.</summary>
internal static class ResourceFields
{
    /// <summary>The resource's own identifier (session-derived, or the controller's for the Device).</summary>
    public static Identifier? Identifier(Resource resource) => resource switch
    {
        Device d => d.Identifier.FirstOrDefault(),
        Procedure p => p.Identifier.FirstOrDefault(),
        Observation o => o.Identifier.FirstOrDefault(),
        ChargeItem c => c.Identifier.FirstOrDefault(),
        _ => null,
    };

    /// <summary>Its key in the record of what was sent: type and identifier without the session id, e.g. <c>Procedure 97008</c>.</summary>
    public static string Key(Resource resource, string sessionId)
    {
        var value = Identifier(resource)?.Value ?? resource.TypeName;
        var prefix = sessionId + "/";
        return resource.TypeName + " " + (value.StartsWith(prefix, StringComparison.Ordinal) ? value[prefix.Length..] : value);
    }

    /// <summary>Every reference of the resource.</summary>
    public static List<ResourceReference> References(Resource resource)
    {
        var all = new List<ResourceReference>();
        Rewrite(resource, r =>
        {
            all.Add(r);
            return r;
        });
        return all;
    }

    /// <summary>Replaces each reference by what <paramref name="map"/> gives; null leaves it out.</summary>
    public static void Rewrite(Resource resource, Func<ResourceReference, ResourceReference?> map)
    {
        switch (resource)
        {
            case Procedure p:
                p.Subject = Map(p.Subject, map)!;
                p.Encounter = Map(p.Encounter, map);
                p.PartOf = List(p.PartOf, map);
                p.UsedReference = List(p.UsedReference, map);
                foreach (var performer in p.Performer)
                {
                    performer.Actor = Map(performer.Actor, map)!;
                }

                p.Performer = [.. p.Performer.Where(x => x.Actor is not null)];
                break;
            case Observation o:
                o.Subject = Map(o.Subject, map)!;
                o.Encounter = Map(o.Encounter, map);
                o.Device = Map(o.Device, map);
                o.PartOf = List(o.PartOf, map);
                o.Performer = List(o.Performer, map);
                break;
            case ChargeItem c:
                c.Subject = Map(c.Subject, map)!;
                c.Context = Map(c.Context, map);
                c.Service = List(c.Service, map);
                foreach (var performer in c.Performer)
                {
                    performer.Actor = Map(performer.Actor, map)!;
                }

                c.Performer = [.. c.Performer.Where(x => x.Actor is not null)];
                break;
            default:
                break;
        }
    }

    private static ResourceReference? Map(ResourceReference? reference, Func<ResourceReference, ResourceReference?> map) =>
        reference is null ? null : map(reference);

    private static List<ResourceReference> List(List<ResourceReference> references, Func<ResourceReference, ResourceReference?> map) =>
        [.. references.Select(map).OfType<ResourceReference>()];
}
