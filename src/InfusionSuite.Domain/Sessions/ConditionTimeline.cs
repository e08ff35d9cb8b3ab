namespace InfusionSuite.Domain.Sessions;

/// <summary>
/// When a yes/no condition (cooling not running, offline, an alarm) held, kept as intervals that
/// change only when the condition changes: O(1) per observation, allocation only on a change.
/// Observations older than the latest one are stale and ignored (out-of-order messages).
/// </summary>
internal sealed class ConditionTimeline
{
    private readonly List<TimeInterval> _closed = [];
    private DateTimeOffset? _since;
    private DateTimeOffset _latest = DateTimeOffset.MinValue;
    private bool _heldAtLatest;
    private bool _clearAtLatest;

    /// <summary>The first observation's instant; before it the condition is unknown.</summary>
    public DateTimeOffset? KnownSince { get; private set; }

    /// <summary>Whether the condition was ever observed to hold.</summary>
    public bool EverTrue { get; private set; }

    /// <summary>The condition as last observed (false when unknown).</summary>
    public bool IsTrue => _since is not null;

    public void Observe(bool holds, DateTimeOffset at)
    {
        if (at < _latest)
        {
            return;
        }

        if (at > _latest)
        {
            _latest = at;
            _heldAtLatest = false;
            _clearAtLatest = false;
        }

        _heldAtLatest |= holds;
        _clearAtLatest |= !holds;
        KnownSince ??= at;
        if (holds && _since is null)
        {
            _since = at;
            EverTrue = true;
        }
        else if (!holds && _since is { } since)
        {
            _closed.Add(new TimeInterval(since, at));
            _since = null;
        }
    }

    /// <summary>
    /// True when observing this would be stale or a repeat: older than the latest observation, or a
    /// value already observed at the latest instant. For inputs that carry no message identity
    /// (controller online/offline), this is how a duplicated input is recognised.
    /// </summary>
    public bool IsStaleOrRepeat(bool holds, DateTimeOffset at) =>
        at < _latest || (at == _latest && (holds ? _heldAtLatest : _clearAtLatest));

    /// <summary>The intervals, the open one ending at <paramref name="until"/>.</summary>
    public List<TimeInterval> Intervals(DateTimeOffset until)
    {
        var result = new List<TimeInterval>(_closed.Count + 1);
        result.AddRange(_closed);
        if (_since is { } since)
        {
            result.Add(new TimeInterval(since, until > since ? until : since));
        }

        return result;
    }

    /// <summary>The interval holding <paramref name="at"/>, if the condition held then.</summary>
    public TimeInterval? HoldingAt(DateTimeOffset at, DateTimeOffset until)
    {
        foreach (var interval in _closed)
        {
            if (interval.Start <= at && at < interval.End)
            {
                return interval;
            }
        }

        return _since is { } since && since <= at ? new TimeInterval(since, until > since ? until : since) : null;
    }
}
