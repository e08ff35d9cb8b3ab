using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace InfusionSuite.Host.Operations;

/// <summary>The <c>&lt;summary&gt;</c> of types and properties, from the XML documentation files shipped beside the assemblies.</summary>
internal sealed partial class XmlDocComments
{
    private readonly Dictionary<Assembly, Dictionary<string, string>> _byAssembly = [];

    public string Summary(Type type) => Lookup(type.Assembly, "T:" + Name(type));

    public string Summary(PropertyInfo property) => Lookup(property.DeclaringType!.Assembly, $"P:{Name(property.DeclaringType!)}.{property.Name}");

    private static string Name(Type type) => type.FullName!.Replace('+', '.');

    private string Lookup(Assembly assembly, string member)
    {
        if (!_byAssembly.TryGetValue(assembly, out var members))
        {
            members = Load(assembly);
            _byAssembly[assembly] = members;
        }

        return members.GetValueOrDefault(member, "");
    }

    private static Dictionary<string, string> Load(Assembly assembly)
    {
        var file = Path.ChangeExtension(assembly.Location, ".xml");
        if (!File.Exists(file))
        {
            return [];
        }

        return XDocument.Load(file).Descendants("member")
            .Where(m => m.Element("summary") is not null)
            .GroupBy(m => (string)m.Attribute("name")!)
            .ToDictionary(g => g.Key, g => Text(g.First().Element("summary")!), StringComparer.Ordinal);
    }

    /// <summary>The summary as one line of markdown: <c>&lt;c&gt;</c> as code, a cref as its last name.</summary>
    private static string Text(XElement summary)
    {
        var parts = summary.Nodes().Select(node => node switch
        {
            XText text => text.Value,
            XElement { Name.LocalName: "c" } code => "`" + code.Value + "`",
            XElement { Name.LocalName: "see" or "seealso" } see => See(see),
            XElement { Name.LocalName: "paramref" or "typeparamref" } p => "`" + (string?)p.Attribute("name") + "`",
            XElement other => other.Value,
            _ => "",
        });
        return Whitespace().Replace(string.Concat(parts), " ").Trim();
    }

    private static string See(XElement see)
    {
        if ((string?)see.Attribute("langword") is { } word)
        {
            return "`" + word + "`";
        }

        var cref = (string?)see.Attribute("cref") ?? "";
        var name = cref[(cref.LastIndexOf('.') + 1)..];
        return see.Value.Length > 0 ? see.Value : "`" + name + "`";
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
