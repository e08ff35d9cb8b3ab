using System.Collections.Frozen;
using InfusionSuite.Application.Ports;

namespace InfusionSuite.Storage;

/// <summary>
/// The last read of which controllers the owners of their sites report (PostgreSQL: <c>controller_presence</c>, kept by
/// <see cref="PostgreSql.OwnersPresenceReader"/>); always empty on SQLite, where this node hears every controller itself.
/// A report counts as online only while its writer's lease is live; a report left by an owner that lost its lease still
/// says the site knew the controller (<see cref="OwnerReport.Live"/> false), so a chair gone offline stays in the urgency
/// strip across a takeover instead of vanishing until the new owner hears of it.
/// </summary>
internal sealed class OwnersPresence : IOwnersPresence
{
    private volatile FrozenDictionary<string, OwnerReport> _reported = FrozenDictionary<string, OwnerReport>.Empty;

    public IReadOnlyCollection<string> KnownControllers() => _reported.Keys;

    public bool Reports(string controllerId) => _reported.ContainsKey(controllerId);

    public bool IsOnline(string controllerId) => _reported.TryGetValue(controllerId, out var report) && report.Live && report.Online;

    /// <summary>Replaces what is known with a fresh read; true when anything changed.</summary>
    public bool Replace(IReadOnlyDictionary<string, OwnerReport> reported)
    {
        ArgumentNullException.ThrowIfNull(reported);
        var before = _reported;
        if (before.Count == reported.Count && reported.All(r => before.TryGetValue(r.Key, out var was) && was == r.Value))
        {
            return false;
        }

        _reported = reported.ToFrozenDictionary(StringComparer.Ordinal);
        return true;
    }
}
