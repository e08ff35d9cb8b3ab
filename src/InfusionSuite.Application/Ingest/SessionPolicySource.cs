using InfusionSuite.Application.Configuration;
using InfusionSuite.Domain.Sessions;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Application.Ingest;

/// <summary>The policy new sessions start with (validated at start); each session keeps its own in its log.</summary>
internal sealed class SessionPolicySource(IOptions<SessionOptions> options)
{
    private SessionPolicy? _policy;

    public SessionPolicy Current => _policy ??= options.Value.ToPolicy();
}
