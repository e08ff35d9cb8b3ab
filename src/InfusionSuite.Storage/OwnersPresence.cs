using System.Collections.Frozen;
using InfusionSuite.Application.Ports;

namespace InfusionSuite.Storage;

/// <summary>
/// The last read of which controllers the live owners of their sites report online (PostgreSQL: <c>controller_presence</c>,
/// kept by <see cref="PostgreSql.OwnersPresenceReader"/>); always empty on SQLite, where this node hears every controller itself.
/// </summary>
internal sealed class OwnersPresence : IOwnersPresence
{
    private volatile FrozenDictionary<string, bool> _reported = FrozenDictionary<string, bool>.Empty;

    public IReadOnlyCollection<string> KnownControllers() => _reported.Keys;

    public bool Reports(string controllerId) => _reported.ContainsKey(controllerId);

    public bool IsOnline(string controllerId) => _reported.TryGetValue(controllerId, out var online) && online;

    /// <summary>Replaces what is known with a fresh read; true when anything changed.</summary>
    public bool Replace(IReadOnlyDictionary<string, bool> reported)
    {
        var before = _reported;
        if (before.Count == reported.Count && reported.All(r => before.TryGetValue(r.Key, out var online) && online == r.Value))
        {
            return false;
        }

        _reported = reported.ToFrozenDictionary(StringComparer.Ordinal);
        return true;
    }
}
