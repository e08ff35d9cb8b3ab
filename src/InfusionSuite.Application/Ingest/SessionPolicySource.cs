using InfusionSuite.Application.Configuration;
using InfusionSuite.Domain.Sessions;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Application.Ingest;

/// <summary>The policy new sessions start with (validated at start); each session keeps its own in its log.</summary>
internal sealed class SessionPolicySource(IOptions<SessionOptions> options)
{
    private SessionPolicy? _policy;

    public SessionPolicy Current => _policy ??= options.Value.ToPolicy();

    /// <summary>
    /// The one rule of which sessions a board shows after a start: every open session, and those that ended at or after this
    /// instant (the late-message window: an ended session stays on its chair, e.g. "Aborted", while late messages may still
    /// change it). The writer rebuilds by it, and every node's board reads back by it, so all boards show the same chairs.
    /// </summary>
    public DateTimeOffset ShownEndedSince(DateTimeOffset now) => now - Current.LateMessageWindow;
}
