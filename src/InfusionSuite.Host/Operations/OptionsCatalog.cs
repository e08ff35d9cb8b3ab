using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Host.Operations;

/// <summary>
/// Every options class of the host, by reflection: each class in an <c>InfusionSuite.*</c> assembly the
/// host loads that declares <c>public const string SectionName</c>; for each, every settable property
/// (nested classes and lists as <c>Section:Property:N:…</c>), its type, its default (from a new
/// instance), its data-annotation rules and its XML summary; and the <see cref="IValidateOptions{TOptions}"/>
/// classes that check it.
/// </summary>
internal static class OptionsCatalog
{
    public static IReadOnlyList<Type> OptionsTypes() =>
        [.. Assemblies().SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && SectionName(t) is not null)
            .OrderBy(t => SectionName(t), StringComparer.Ordinal)];

    public static string? SectionName(Type type) =>
        type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field ? field.GetRawConstantValue() as string : null;

    public static IReadOnlyList<DocumentedSection> Sections()
    {
        var docs = new XmlDocComments();
        var validators = Assemblies().SelectMany(a => a.GetTypes()).Where(t => t is { IsClass: true, IsAbstract: false }).ToList();
        return [.. OptionsTypes().Select(type =>
        {
            var settings = new List<DocumentedSetting>();
            Walk(type, Activator.CreateInstance(type), SectionName(type)!, docs, settings);
            var checks = validators
                .Where(v => v.GetInterfaces().Contains(typeof(IValidateOptions<>).MakeGenericType(type)))
                .Select(v => docs.Summary(v))
                .Where(s => s.Length > 0)
                .ToList();
            return new DocumentedSection(SectionName(type)!, type, docs.Summary(type), settings, checks);
        })];
    }

    private static IEnumerable<Assembly> Assemblies()
    {
        var seen = new Dictionary<string, Assembly>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>([typeof(OptionsCatalog).Assembly]);
        while (pending.TryPop(out var assembly))
        {
            if (!seen.TryAdd(assembly.GetName().Name!, assembly))
            {
                continue;
            }

            foreach (var name in assembly.GetReferencedAssemblies().Where(n => n.Name!.StartsWith("InfusionSuite.", StringComparison.Ordinal)))
            {
                pending.Push(Assembly.Load(name));
            }
        }

        return seen.Values.OrderBy(a => a.GetName().Name, StringComparer.Ordinal);
    }

    private static void Walk(Type type, object? instance, string prefix, XmlDocComments docs, List<DocumentedSetting> into)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.SetMethod?.IsPublic == true))
        {
            var key = prefix + ":" + property.Name;
            var value = instance is null ? null : property.GetValue(instance);
            var propertyType = property.PropertyType;
            if (IsSimple(propertyType))
            {
                into.Add(new DocumentedSetting(key, TypeName(propertyType), Format(value), Rules(property), docs.Summary(property)));
            }
            else if (DictionaryValueType(propertyType) is { } valueType)
            {
                var entries = ((IDictionary?)value)?.Count ?? 0;
                if (IsSimple(valueType) || ElementType(valueType) is { } listed && IsSimple(listed))
                {
                    var shown = IsSimple(valueType) ? TypeName(valueType) : "list of " + TypeName(ElementType(valueType)!);
                    into.Add(new DocumentedSetting(key + ":{key}", "map to " + shown, entries == 0 ? "—" : entries + " entries", Rules(property), docs.Summary(property)));
                }
                else
                {
                    into.Add(new DocumentedSetting(key + ":{key}", "map", entries == 0 ? "—" : entries + " entries", Rules(property), docs.Summary(property)));
                    Walk(valueType, Activator.CreateInstance(valueType), key + ":{key}", docs, into);
                }
            }
            else if (ElementType(propertyType) is { } element)
            {
                if (IsSimple(element))
                {
                    var items = ((IEnumerable?)value)?.Cast<object?>().Select(Format).ToList() ?? [];
                    into.Add(new DocumentedSetting(key + ":N", "list of " + TypeName(element), items.Count == 0 ? "—" : string.Join(", ", items), Rules(property), docs.Summary(property)));
                }
                else
                {
                    Walk(element, Activator.CreateInstance(element), key + ":N", docs, into);
                }
            }
            else
            {
                Walk(propertyType, value ?? Activator.CreateInstance(propertyType), key, docs, into);
            }
        }
    }

    private static bool IsSimple(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
            || type == typeof(Uri) || type == typeof(DateTimeOffset) || type == typeof(Guid);
    }

    private static Type? DictionaryValueType(Type type) =>
        type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>))?.GetGenericArguments()[1];

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[0]
        : null;

    private static string TypeName(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            return TypeName(inner);
        }

        if (type.IsEnum)
        {
            return string.Join(" \\| ", Enum.GetNames(type).Select(n => "`" + n + "`"));
        }

        return type == typeof(string) ? "string"
            : type == typeof(int) ? "integer"
            : type == typeof(long) ? "integer"
            : type == typeof(bool) ? "true \\| false"
            : type == typeof(decimal) || type == typeof(double) ? "number"
            : type == typeof(TimeSpan) ? "duration `d.hh:mm:ss`"
            : type == typeof(Uri) ? "URL"
            : type.Name;
    }

    private static string Format(object? value) => value switch
    {
        null => "—",
        string { Length: 0 } => "—",
        string s => "`" + s.Replace("|", "\\|", StringComparison.Ordinal) + "`",
        bool b => b ? "`true`" : "`false`",
        TimeSpan t => "`" + t.ToString("c", CultureInfo.InvariantCulture) + "`",
        IFormattable f => "`" + f.ToString(null, CultureInfo.InvariantCulture) + "`",
        _ => "`" + value + "`",
    };

    private static string Rules(PropertyInfo property)
    {
        var rules = new List<string>();
        foreach (var attribute in property.GetCustomAttributes<ValidationAttribute>())
        {
            rules.Add(attribute switch
            {
                RequiredAttribute => "required",
                RangeAttribute r => $"{Bound(r.Minimum)}–{Bound(r.Maximum)}",
                RegularExpressionAttribute x => "matches `" + x.Pattern.Replace("|", "\\|", StringComparison.Ordinal) + "`",
                StringLengthAttribute l => $"{l.MinimumLength}–{l.MaximumLength} characters",
                _ => attribute.GetType().Name.Replace("Attribute", "", StringComparison.Ordinal),
            });
        }

        return rules.Count == 0 ? "" : string.Join("; ", rules);
    }

    private static string Bound(object value) => value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value.ToString() ?? "";
}
