namespace InfusionSuite.Simulator.Engine;

/// <summary>
/// Where the controller's messages go: lost while the link is down, sent twice while duplicating,
/// sent in swapped pairs while reordering. Garbage and hellos bypass duplication and reordering.
/// </summary>
internal sealed class MessageDelivery
{
    private readonly List<TimelineItem> _pending = [];
    private TimelineItem? _held;

    public bool Online { get; set; } = true;

    public int DuplicatesLeft { get; set; }

    public int ReorderPairsLeft { get; set; }

    public IReadOnlyList<TimelineItem> Pending => _pending;

    /// <summary>A telemetry sample or event (carries a seq).</summary>
    public void Message(TimelineItem item)
    {
        if (!Online)
        {
            return;
        }

        if (ReorderPairsLeft > 0)
        {
            if (_held is null)
            {
                _held = item;
                return;
            }

            _pending.Add(item);
            _pending.Add(_held with { At = item.At });
            _held = null;
            ReorderPairsLeft--;
            return;
        }

        _pending.Add(item);
        if (DuplicatesLeft > 0)
        {
            DuplicatesLeft--;
            _pending.Add(item);
        }
    }

    /// <summary>A frame that goes out only when the link is up (hello, garbage, offline).</summary>
    public void Frame(TimelineItem item)
    {
        if (Online)
        {
            _pending.Add(item);
        }
    }

    /// <summary>Something raised to the library user whatever the link does (nurse markers).</summary>
    public void Local(TimelineItem item) => _pending.Add(item);

    /// <summary>Sends a held message now (before the link or power goes).</summary>
    public void Flush(DateTimeOffset at)
    {
        if (_held is not null)
        {
            _pending.Add(_held with { At = at });
            _held = null;
        }
    }

    public void Clear() => _pending.Clear();
}
