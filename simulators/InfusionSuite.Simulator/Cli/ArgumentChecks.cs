using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.RegularExpressions;

namespace InfusionSuite.Simulator.Cli;

/// <summary>The checks on option values, each failing with a message that names the option and the allowed form.</summary>
internal static partial class ArgumentChecks
{
    /// <summary>A System.CommandLine parser that runs <paramref name="parse"/> on the option's value and reports its <see cref="FormatException"/> as the parse error.</summary>
    public static Func<ArgumentResult, T?> Checked<T>(Func<string, T> parse) => result =>
    {
        if (result.Tokens.Count == 0)
        {
            result.AddError($"{(result.Parent as OptionResult)?.Option.Name} needs a value");
            return default;
        }

        try
        {
            return parse(result.Tokens[^1].Value);
        }
        catch (FormatException e)
        {
            result.AddError(e.Message);
            return default;
        }
    };

    public static (string Host, int Port) Broker(string value)
    {
        var colon = value.LastIndexOf(':');
        if (colon < 0)
        {
            return (NonEmpty("--broker", value), 1883);
        }

        return (NonEmpty("--broker", value[..colon].Trim('[', ']')), Integer("--broker port", value[(colon + 1)..], 1, 65535));
    }

    public static double Number(string option, string value, double min, double max) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw new FormatException($"{option} must be a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}, not '{value}'");

    public static int Integer(string option, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw new FormatException($"{option} must be a whole number from {min} to {max}, not '{value}'");

    /// <summary><c>SECONDS@MIN</c>: a clock step by SECONDS (−86400–86400, not 0), MIN (0–1440) simulated minutes after power-on.</summary>
    public static (double By, double AfterMinutes)? ClockStep(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        var by = at > 0 ? Number("--clock-step", value[..at], -86_400, 86_400) : double.NaN;
        if (at <= 0 || by == 0)
        {
            throw new FormatException($"--clock-step must be SECONDS@MIN such as -600@20 (SECONDS not 0), not '{value}'");
        }

        return (by, Number("--clock-step minutes", value[(at + 1)..], 0, 1440));
    }

    /// <summary><c>MIN@AT</c>: the link cut for MIN minutes (more than 0, up to 1440), AT (0–1440) simulated minutes after power-on.</summary>
    public static (double ForMinutes, double AfterMinutes)? CutOff(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        var minutes = at > 0 ? Number("--cut-off", value[..at], 0, 1440) : double.NaN;
        if (at <= 0 || !(minutes > 0))
        {
            throw new FormatException($"--cut-off must be MIN@AT such as 12@40 (cut for MIN > 0 minutes, AT minutes after power-on), not '{value}'");
        }

        return (minutes, Number("--cut-off minutes", value[(at + 1)..], 0, 1440));
    }

    /// <summary><c>full</c>, <c>chunks</c> or <c>trickle</c>.</summary>
    public static Running.UploadPace Upload(string value) => value switch
    {
        "full" => Running.UploadPace.Full,
        "chunks" => Running.UploadPace.Chunks,
        "trickle" => Running.UploadPace.Trickle,
        _ => throw new FormatException($"--upload must be full, chunks or trickle, not '{value}'"),
    };

    public static DateTimeOffset Instant(string option, string value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
            ? instant
            : throw new FormatException($"{option} must be an ISO 8601 instant such as 2026-11-27T08:00:00Z, not '{value}'");

    public static bool Boolean(string option, string value) => value switch
    {
        "true" or "yes" or "1" => true,
        "false" or "no" or "0" => false,
        _ => throw new FormatException($"{option} must be true or false, not '{value}'"),
    };

    public static string Site(string value) => Matching("--site", value, SitePattern(), "1–32 of a-z 0-9 -");

    public static string IdPrefix(string value) => Matching("--id-prefix", value, IdPrefixPattern(), "1–29 of A-Z a-z 0-9 - _");

    public static string TopicRoot(string value) => Matching("--root", value, RootPattern(), "a topic prefix without + # or a trailing /");

    private static string NonEmpty(string option, string value) =>
        value.Length > 0 ? value : throw new FormatException($"{option} needs a host");

    private static string Matching(string option, string value, Regex pattern, string form) =>
        pattern.IsMatch(value) ? value : throw new FormatException($"{option} must be {form}, not '{value}'");

    [GeneratedRegex("^[a-z0-9-]{1,32}$")]
    private static partial Regex SitePattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,29}$")]
    private static partial Regex IdPrefixPattern();

    [GeneratedRegex("^[^+#]*[^/+#]$")]
    private static partial Regex RootPattern();
}
