using System.Globalization;

namespace InfusionSuite.Host.Demo;

/// <summary>
/// The demo's command-line options: <c>--demo</c>, <c>--time-scale X</c> (default 30) and
/// <c>--data DIR</c> (default <c>./data</c>). Every other argument is left to the host's configuration.
/// </summary>
internal sealed record DemoArguments(bool Enabled, double TimeScale, string DataFolder, IReadOnlyList<string> HostArguments)
{
    public const double DefaultTimeScale = 30;

    public const string DefaultDataFolder = "data";

    public static DemoArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var enabled = false;
        var scale = DefaultTimeScale;
        var data = DefaultDataFolder;
        var rest = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inline) = Split(args[i]);
            switch (name)
            {
                case "--demo":
                    // "--demo=false" too: a test host passes its settings as "--key=value".
                    enabled = inline is null || bool.Parse(inline);
                    break;
                case "--time-scale":
                    var text = inline ?? Next(args, ref i, name);
                    if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out scale) || scale is < 1 or > 10_000)
                    {
                        throw new ArgumentException($"--time-scale must be a number from 1 to 10000 (got '{text}').");
                    }

                    break;
                case "--data":
                    data = inline ?? Next(args, ref i, name);
                    break;
                default:
                    rest.Add(args[i]);
                    break;
            }
        }

        return new DemoArguments(enabled, scale, data, rest);
    }

    private static (string Name, string? Inline) Split(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 0 ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
    }

    private static string Next(IReadOnlyList<string> args, ref int i, string name) =>
        ++i < args.Count && !args[i].StartsWith("--", StringComparison.Ordinal)
            ? args[i]
            : throw new ArgumentException($"{name} needs a value.");
}
