using System.CommandLine;

namespace InfusionSuite.Host.Commands;

/// <summary>
/// Host settings on the command line, as ASP.NET Core reads them: <c>--Section:Key=value</c> or
/// <c>--Section:Key value</c>, in any position (before the command, between its options, after them).
/// They are handed to the parser as a hidden recursive option, so no command swallows one and every
/// command passes them to the host's configuration. Anything else starting with <c>--</c> that no
/// command defines stays an error.
/// </summary>
public static class SettingsArguments
{
    /// <summary>The hidden option that carries one setting (<c>Key=value</c>) to the parse result.</summary>
    public const string OptionName = "--setting";

    /// <summary>Settings without a section that ASP.NET Core's hosting reads (<c>--urls http://…</c>).</summary>
    private static readonly HashSet<string> HostKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "urls", "environment", "contentRoot", "applicationName", "http_ports", "https_ports",
    };

    /// <summary>Adds the hidden settings option to <paramref name="root"/> (every sub-command accepts it).</summary>
    public static void AddTo(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        root.Options.Add(new Option<string[]>(OptionName)
        {
            Hidden = true,
            Recursive = true,
            Description = "A host setting as Key=value.",
        });
    }

    /// <summary>
    /// The arguments with each setting rewritten to <c>--setting Key=value</c>; an option a command
    /// defines (<c>--to FILE</c>, <c>--to=FILE</c>) is left as it is.
    /// </summary>
    public static IReadOnlyList<string> Rewrite(Command root, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(args);
        var defined = DefinedOptions(root);
        var tokens = new List<string>(args.Count);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                tokens.Add(arg);
                continue;
            }

            var name = arg[2..];
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? name : name[..equals];
            var head = key.Split(':')[0];
            if (defined.Contains("--" + key) || defined.Contains("--" + head) || key.Length == 0)
            {
                tokens.Add(arg);
            }
            else if (equals > 0)
            {
                tokens.Add(OptionName);
                tokens.Add(name);
            }
            else if ((key.Contains(':', StringComparison.Ordinal) || HostKeys.Contains(key)) && i + 1 < args.Count)
            {
                tokens.Add(OptionName);
                tokens.Add(key + "=" + args[++i]);
            }
            else
            {
                tokens.Add(arg); // not a setting, not an option: the parser reports it
            }
        }

        return tokens;
    }

    /// <summary>The settings of a parse, as the host's configuration reads them (<c>--Key=value</c>).</summary>
    public static string[] Of(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return [.. (result.GetValue<string[]>(OptionName) ?? []).Select(s => "--" + s)];
    }

    private static HashSet<string> DefinedOptions(Command root)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var commands = new Stack<Command>([root]);
        while (commands.TryPop(out var command))
        {
            foreach (var option in command.Options)
            {
                names.Add(option.Name);
                names.UnionWith(option.Aliases);
            }

            foreach (var sub in command.Subcommands)
            {
                commands.Push(sub);
            }
        }

        return names;
    }
}
