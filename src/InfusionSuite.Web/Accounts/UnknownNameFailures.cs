namespace InfusionSuite.Web.Accounts;

/// <summary>
/// Failed sign-ins for names that have no account, counted and locked exactly like an account's, so that the
/// answers do not tell which names exist. Kept in memory (a restart forgets them, as it forgets nothing else an
/// attacker could use) and bounded.
/// </summary>
internal sealed class UnknownNameFailures
{
    private const int MostNames = 10_000;
    private readonly Dictionary<string, (int Failed, DateTimeOffset? LockedUntil)> _names = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>When the name's lockout ends; null when it is not locked.</summary>
    public DateTimeOffset? LockedUntil(string name, DateTimeOffset now)
    {
        lock (_gate)
        {
            return _names.TryGetValue(name, out var state) && state.LockedUntil is { } until && until > now ? until : null;
        }
    }

    /// <summary>Counts a failure; returns the lockout's end once <paramref name="limit"/> failures in a row are reached.</summary>
    public DateTimeOffset? Fail(string name, DateTimeOffset now, int limit, TimeSpan duration)
    {
        lock (_gate)
        {
            if (_names.Count >= MostNames && !_names.ContainsKey(name))
            {
                _names.Clear();
            }

            var failed = (_names.TryGetValue(name, out var state) && state.LockedUntil is null ? state.Failed : 0) + 1;
            if (failed >= limit)
            {
                var until = now + duration;
                _names[name] = (0, until);
                return until;
            }

            _names[name] = (failed, null);
            return null;
        }
    }
}
