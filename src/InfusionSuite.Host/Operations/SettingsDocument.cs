using System.Text;

namespace InfusionSuite.Host.Operations;

/// <summary>
/// The settings reference of docs/operations.md, generated from the options classes
/// (<see cref="OptionsCatalog"/>) between two markers; a test fails when the committed text drifts.
/// </summary>
internal static class SettingsDocument
{
    public const string BeginMarker = "<!-- settings:begin -->";

    public const string EndMarker = "<!-- settings:end -->";

    public static string Markdown()
    {
        var text = new StringBuilder();
        text.Append(BeginMarker).Append('\n');
        text.Append("<!-- Generated from the options classes: dotnet run --project src/InfusionSuite.Host -- settings-doc --write docs/operations.md -->\n");
        foreach (var section in OptionsCatalog.Sections())
        {
            text.Append('\n').Append("### `").Append(section.Name).Append("`\n\n");
            if (section.Summary.Length > 0)
            {
                text.Append(section.Summary).Append(" (`").Append(section.OptionsType.Name).Append("`)\n\n");
            }

            text.Append("| setting | type | default | allowed | meaning |\n|---|---|---|---|---|\n");
            foreach (var s in section.Settings)
            {
                text.Append($"| `{s.Key}` | {s.Type} | {s.Default} | {s.Rules} | {Cell(s.Meaning)} |\n");
            }

            foreach (var check in section.Checks)
            {
                text.Append("\nChecked at start: ").Append(check).Append('\n');
            }
        }

        text.Append('\n').Append(EndMarker);
        return text.ToString();
    }

    /// <summary>Replaces the block between the markers (markers included) with <paramref name="block"/>.</summary>
    public static bool TryReplace(string document, string block, out string updated)
    {
        var begin = document.IndexOf(BeginMarker, StringComparison.Ordinal);
        var end = document.IndexOf(EndMarker, StringComparison.Ordinal);
        if (begin < 0 || end < begin)
        {
            updated = document;
            return false;
        }

        updated = document[..begin] + block + document[(end + EndMarker.Length)..];
        return true;
    }

    /// <summary>The generated block inside a document; null without markers.</summary>
    public static string? Extract(string document)
    {
        var begin = document.IndexOf(BeginMarker, StringComparison.Ordinal);
        var end = document.IndexOf(EndMarker, StringComparison.Ordinal);
        return begin < 0 || end < begin ? null : document[begin..(end + EndMarker.Length)];
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
