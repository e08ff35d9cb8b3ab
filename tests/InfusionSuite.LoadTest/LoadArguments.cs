using System.Globalization;

namespace InfusionSuite.LoadTest;

/// <summary>The load command's options: <c>mqtt</c> or <c>serial</c>, then <c>--name value</c> pairs.</summary>
internal sealed record LoadArguments
{
    public const string Usage = """
        usage: InfusionSuite.LoadTest mqtt   [--controllers N] [--rate HZ] [--seconds S] [--warmup S]
                                             [--samples M] [--connections C] [--receive-maximum R] [--no-baseline] [--backlog]
               InfusionSuite.LoadTest serial [--ports P] [--rate HZ] [--seconds S]
          mqtt --rate 0 is a saturating load: M samples (default 300000) published as fast as the broker takes them;
          with --backlog they are published while the consumer is stopped (the broker queues them in its
          session) and the consumer is timed draining them, so the publishers' speed is out of the figure.
          Other options: --set KEY=VALUE (a worker setting, e.g. Ingest:BatchMaxItems=2000; repeatable),
                         --worker PATH (InfusionSuite.Host.dll; default: the one built beside this tool),
                         --keep (keep the temp folder with the database and logs).
        """;

    public required string Verb { get; init; }

    public int Controllers { get; init; } = 2000;

    public double RateHz { get; init; } = 1;

    public double Seconds { get; init; } = 60;

    public double WarmupSeconds { get; init; } = 10;

    public long Samples { get; init; } = 300_000;

    public int Connections { get; init; } = 16;

    public int ReceiveMaximum { get; init; } = 2000;

    public int Ports { get; init; } = 32;

    public bool Baseline { get; init; } = true;

    public bool Keep { get; init; }

    /// <summary>Saturating only: publish everything first, then time the consumer draining the broker's queue.</summary>
    public bool Backlog { get; init; }

    public string? WorkerPath { get; init; }

    /// <summary>Extra worker settings (configuration keys), to try a setting under load.</summary>
    public IReadOnlyDictionary<string, string> WorkerSettings { get; init; } = new Dictionary<string, string>();

    public bool Saturating => RateHz <= 0;

    /// <summary>Samples the run publishes: N × R × S, or M when saturating.</summary>
    public long TotalSamples => Saturating ? Samples : (long)Math.Round(Controllers * RateHz * Seconds);

    public static LoadArguments Parse(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("mqtt" or "serial"))
        {
            throw new ArgumentException("The first argument is the verb: mqtt or serial.");
        }

        var parsed = new LoadArguments { Verb = args[0], RateHz = args[0] == "serial" ? 10 : 1, Seconds = args[0] == "serial" ? 30 : 60 };
        for (var i = 1; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            parsed = args[i] switch
            {
                "--controllers" => parsed with { Controllers = Int(Next()) },
                "--rate" => parsed with { RateHz = Double(Next()) },
                "--seconds" => parsed with { Seconds = Double(Next()) },
                "--warmup" => parsed with { WarmupSeconds = Double(Next()) },
                "--samples" => parsed with { Samples = Int(Next()) },
                "--connections" => parsed with { Connections = Int(Next()) },
                "--receive-maximum" => parsed with { ReceiveMaximum = Int(Next()) },
                "--ports" => parsed with { Ports = Int(Next()) },
                "--worker" => parsed with { WorkerPath = Next() },
                "--no-baseline" => parsed with { Baseline = false },
                "--keep" => parsed with { Keep = true },
                "--backlog" => parsed with { Backlog = true },
                "--set" => parsed with { WorkerSettings = With(parsed.WorkerSettings, Next()) },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }

        return parsed.Backlog && !parsed.Saturating
            ? throw new ArgumentException("--backlog needs --rate 0.")
            : parsed.Controllers < 1 || parsed.Connections < 1 || parsed.Ports < 1 || parsed.Seconds <= 0
            ? throw new ArgumentException("Counts and durations must be positive.")
            : parsed;
    }

    private static Dictionary<string, string> With(IReadOnlyDictionary<string, string> settings, string pair)
    {
        var parts = pair.Split('=', 2);
        return parts.Length == 2
            ? new Dictionary<string, string>(settings) { [parts[0]] = parts[1] }
            : throw new ArgumentException($"--set {pair}: expected KEY=VALUE.");
    }

    private static int Int(string text) => int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);

    private static double Double(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
