namespace InfusionSuite.Domain.Sessions;

/// <summary>
/// The spans the controller's own record covers: its kept messages on the server's timeline, joined
/// where two lie no further apart than <paramref name="gap"/>. A link marked offline for a span the
/// record covers (a controller that stored its messages while cut off and uploaded them later) was
/// not a gap in what the controller did: its samples and events say whether it cooled. O(1) per
/// message in order, allocation only when a new span begins.
/// </summary>
internal sealed class DeviceRecordCoverage(TimeSpan gap)
{
    private readonly List<TimeInterval> _spans = [];

    public IReadOnlyList<TimeInterval> Spans => _spans;

    public void Heard(DateTimeOffset at)
    {
        var i = _spans.Count - 1;
        while (i >= 0 && _spans[i].Start > at)
        {
            i--;
        }

        if (i >= 0 && at <= _spans[i].End + gap)
        {
            if (at > _spans[i].End)
            {
                _spans[i] = _spans[i] with { End = at };
            }
        }
        else
        {
            _spans.Insert(++i, new TimeInterval(at, at));
        }

        // A span that now reaches the next one joins it.
        if (i + 1 < _spans.Count && _spans[i + 1].Start <= _spans[i].End + gap)
        {
            _spans[i] = _spans[i] with { End = IntervalMath.Max(_spans[i].End, _spans[i + 1].End) };
            _spans.RemoveAt(i + 1);
        }
    }
}
