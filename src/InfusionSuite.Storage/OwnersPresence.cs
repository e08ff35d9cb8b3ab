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
internal sealed class OwnersPresence(TimeProvider time) : IOwnersPresence
{
    /// <summary>
    /// How long a report stays in handover after this node first read its lease as no longer live: a new owner's link
    /// connects, takes the site's session and hears the controllers (they send every second) well within it, and an owner
    /// back from a database outage renews at once. The liveness monitor's default offline-after (10 s) plus the board's read.
    /// </summary>
    public static readonly TimeSpan Handover = TimeSpan.FromSeconds(12);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _notLiveSince = new(StringComparer.Ordinal);
    private volatile FrozenDictionary<string, OwnerReport> _reported = FrozenDictionary<string, OwnerReport>.Empty;

    public IReadOnlyCollection<string> KnownControllers() => _reported.Keys;

    public bool Reports(string controllerId) => _reported.ContainsKey(controllerId);

    public bool IsOnline(string controllerId) => _reported.TryGetValue(controllerId, out var report) && report.Live && report.Online;

    public bool InHandover(string controllerId)
    {
        if (!_reported.TryGetValue(controllerId, out var report) || report.Live)
        {
            return false;
        }

        lock (_gate)
        {
            return _notLiveSince.TryGetValue(controllerId, out var since) && time.GetElapsedTime(since) < Handover;
        }
    }

    /// <summary>Replaces what is known with a fresh read; true when anything changed.</summary>
    public bool Replace(IReadOnlyDictionary<string, OwnerReport> reported)
    {
        ArgumentNullException.ThrowIfNull(reported);
        lock (_gate)
        {
            var now = time.GetTimestamp();
            foreach (var (id, report) in reported)
            {
                if (report.Live)
                {
                    _notLiveSince.Remove(id);
                }
                else
                {
                    _notLiveSince.TryAdd(id, now); // first read not live: the handover starts
                }
            }

            foreach (var gone in _notLiveSince.Keys.Where(id => !reported.ContainsKey(id)).ToList())
            {
                _notLiveSince.Remove(gone);
            }
        }

        var before = _reported;
        if (before.Count == reported.Count && reported.All(r => before.TryGetValue(r.Key, out var was) && was == r.Value))
        {
            return false;
        }

        _reported = reported.ToFrozenDictionary(StringComparer.Ordinal);
        return true;
    }
}
