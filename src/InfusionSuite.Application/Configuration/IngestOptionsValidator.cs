using Microsoft.Extensions.Options;

namespace InfusionSuite.Application.Configuration;

/// <summary>More than 10 commit retry delays, or one outside 1 ms–1 min, stops the host at start, naming <c>Ingest:CommitRetryDelays</c>.</summary>
internal sealed class IngestOptionsValidator : IValidateOptions<IngestOptions>
{
    public const int MaxRetries = 10;

    private static readonly TimeSpan Shortest = TimeSpan.FromMilliseconds(1);
    private static readonly TimeSpan Longest = TimeSpan.FromMinutes(1);

    public ValidateOptionsResult Validate(string? name, IngestOptions options)
    {
        var failures = new List<string>();
        var delays = options.CommitRetryDelays;
        if (delays.Count > MaxRetries)
        {
            failures.Add($"{IngestOptions.SectionName}:{nameof(IngestOptions.CommitRetryDelays)} takes at most {MaxRetries} delays.");
        }

        for (var i = 0; i < delays.Count; i++)
        {
            if (delays[i] < Shortest || delays[i] > Longest)
            {
                failures.Add($"{IngestOptions.SectionName}:{nameof(IngestOptions.CommitRetryDelays)}:{i} must be 00:00:00.001–00:01:00.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
