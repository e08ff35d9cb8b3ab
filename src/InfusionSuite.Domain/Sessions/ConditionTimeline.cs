namespace InfusionSuite.Domain.Sessions;

/// <summary>
/// When a yes/no condition (cooling not running, offline, an alarm) held, judged on the instants the
/// observations speak of, not on the order they arrived in. Kept as runs of one value (first and
/// last observation of each run); the condition changes at the next run's first observation. O(1) per
/// observation in order, allocation only on a change. An observation that arrives late and falls
/// between two runs moves the change to where it really was (an event overtaken by the sample after
/// it, over another topic); one inside a run of the other value contradicts the observations around
/// it and is ignored (the controller's word on either side stands).
/// </summary>
internal sealed class ConditionTimeline
{
    private readonly List<Run> _runs = [];
    private DateTimeOffset _latest = DateTimeOffset.MinValue;
    private bool _heldAtLatest;
    private bool _clearAtLatest;

    /// <summary>The first observation's instant; before it the condition is unknown.</summary>
    public DateTimeOffset? KnownSince => _runs.Count == 0 ? null : _runs[0].First;

    /// <summary>Whether the condition was ever observed to hold.</summary>
    public bool EverTrue { get; private set; }

    /// <summary>The condition as last observed (false when unknown).</summary>
    public bool IsTrue => _runs.Count > 0 && _runs[^1].Holds;

    public void Observe(bool holds, DateTimeOffset at)
    {
        if (at > _latest)
        {
            _latest = at;
            _heldAtLatest = false;
            _clearAtLatest = false;
        }

        if (at == _latest)
        {
            _heldAtLatest |= holds;
            _clearAtLatest |= !holds;
        }

        if (_runs.Count == 0 || at >= _runs[^1].Last)
        {
            Append(holds, at);
            return;
        }

        Insert(holds, at);
    }

    /// <summary>
    /// True when observing this would be stale or a repeat: older than the latest observation, or a
    /// value already observed at the latest instant. For inputs that carry no message identity
    /// (controller online/offline), this is how a duplicated input is recognised.
    /// </summary>
    public bool IsStaleOrRepeat(bool holds, DateTimeOffset at) =>
        at < _latest || (at == _latest && (holds ? _heldAtLatest : _clearAtLatest));

    /// <summary>The intervals the condition held, the open one ending at <paramref name="until"/>; none of length 0.</summary>
    public List<TimeInterval> Intervals(DateTimeOffset until)
    {
        var result = new List<TimeInterval>();
        for (var i = 0; i < _runs.Count; i++)
        {
            if (_runs[i].Holds && Span(i, until) is { } span)
            {
                result.Add(span);
            }
        }

        return result;
    }

    /// <summary>The condition at <paramref name="at"/> (a change takes effect at its first observation); null before any.</summary>
    public bool? StateAt(DateTimeOffset at)
    {
        for (var i = _runs.Count - 1; i >= 0; i--)
        {
            if (_runs[i].First <= at)
            {
                return _runs[i].Holds;
            }
        }

        return null;
    }

    /// <summary>The interval holding <paramref name="at"/>, if the condition held then.</summary>
    public TimeInterval? HoldingAt(DateTimeOffset at, DateTimeOffset until)
    {
        for (var i = _runs.Count - 1; i >= 0; i--)
        {
            if (_runs[i].First <= at)
            {
                var last = i + 1 == _runs.Count;
                var end = last ? (until > _runs[i].First ? until : _runs[i].First) : _runs[i + 1].First;
                return _runs[i].Holds && (last || at < end) ? new TimeInterval(_runs[i].First, end) : null;
            }
        }

        return null;
    }

    private TimeInterval? Span(int i, DateTimeOffset until)
    {
        var start = _runs[i].First;
        var end = i + 1 < _runs.Count ? _runs[i + 1].First : until;
        return end > start ? new TimeInterval(start, end) : i + 1 == _runs.Count ? new TimeInterval(start, start) : null;
    }

    private void Append(bool holds, DateTimeOffset at)
    {
        if (_runs.Count > 0 && _runs[^1].Holds == holds)
        {
            _runs[^1] = _runs[^1] with { Last = at };
            return;
        }

        _runs.Add(new Run(holds, at, at));
        EverTrue |= holds;
    }

    private void Insert(bool holds, DateTimeOffset at)
    {
        var i = _runs.Count - 1;
        while (i >= 0 && _runs[i].First > at)
        {
            i--;
        }

        if (i < 0)
        {
            // Before anything observed so far: the first run starts earlier, or a run of the other value comes first.
            if (_runs[0].Holds == holds)
            {
                _runs[0] = _runs[0] with { First = at };
            }
            else
            {
                _runs.Insert(0, new Run(holds, at, at));
                EverTrue |= holds;
            }

            return;
        }

        if (at <= _runs[i].Last)
        {
            return; // inside a run: the same value changes nothing, the other contradicts its neighbours
        }

        // Between run i's last observation and the next run's first: the change lies here.
        if (_runs[i].Holds == holds)
        {
            _runs[i] = _runs[i] with { Last = at };
        }
        else
        {
            _runs[i + 1] = _runs[i + 1] with { First = at };
        }
    }

    private readonly record struct Run(bool Holds, DateTimeOffset First, DateTimeOffset Last);
}
