namespace InfusionSuite.LoadTest;

/// <summary>The load command's options (<see cref="LoadCommandLine"/>).</summary>
internal sealed record LoadArguments
{
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

    /// <summary>mqtt only: the worker stores in PostgreSQL (a durable cluster of the run's own) instead of SQLite.</summary>
    public bool PostgreSql { get; init; }

    /// <summary>Extra worker settings (configuration keys), to try a setting under load.</summary>
    public IReadOnlyDictionary<string, string> WorkerSettings { get; init; } = new Dictionary<string, string>();

    public bool Saturating => RateHz <= 0;

    /// <summary>Samples the run publishes: N × R × S, or M when saturating.</summary>
    public long TotalSamples => Saturating ? Samples : (long)Math.Round(Controllers * RateHz * Seconds);
}
