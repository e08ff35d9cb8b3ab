namespace InfusionSuite.Storage.Schema;

/// <summary>A session policy as JSON, stored once per distinct content: a session's log replays with its own.</summary>
public sealed class PolicyRow
{
    public int PolicyKey { get; set; }

    /// <summary>SHA-256 of <see cref="Json"/>, hex.</summary>
    public required string Hash { get; set; }

    public required string Json { get; set; }
}
