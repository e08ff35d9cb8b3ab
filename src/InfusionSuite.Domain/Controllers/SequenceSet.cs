namespace InfusionSuite.Domain.Controllers;

/// <summary>
/// Exactly the seq numbers kept for one boot, as sorted runs of consecutive seqs: a repeat is dropped
/// however late it comes, and a message overtaken by any number of newer ones (events and telemetry
/// travel on different MQTT topics; a reconnect may bring one behind the other) is still kept once.
/// A controller's seqs are nearly consecutive, so the runs stay few; the usual step (the next seq)
/// extends the last run in place, without allocating.
/// </summary>
public sealed class SequenceSet
{
    private readonly List<(uint First, uint Last)> _runs;

    public SequenceSet(uint first)
    {
        _runs = [(first, first)];
    }

    /// <summary>How many separate runs of seqs are kept (gaps still open, plus one).</summary>
    public int Runs => _runs.Count;

    /// <summary>Marks the seq as kept; false when it was kept already.</summary>
    public bool TryKeep(uint seq)
    {
        var last = _runs[^1];
        if (seq > last.Last)
        {
            if (seq == last.Last + 1)
            {
                _runs[^1] = (last.First, seq);
            }
            else
            {
                _runs.Add((seq, seq));
            }

            return true;
        }

        // The last run starting at or before seq.
        int lo = 0, hi = _runs.Count - 1, at = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_runs[mid].First <= seq)
            {
                at = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        if (at >= 0 && seq <= _runs[at].Last)
        {
            return false;
        }

        var joinsBefore = at >= 0 && _runs[at].Last + 1 == seq;
        var joinsAfter = at + 1 < _runs.Count && _runs[at + 1].First == seq + 1;
        if (joinsBefore && joinsAfter)
        {
            _runs[at] = (_runs[at].First, _runs[at + 1].Last);
            _runs.RemoveAt(at + 1);
        }
        else if (joinsBefore)
        {
            _runs[at] = (_runs[at].First, seq);
        }
        else if (joinsAfter)
        {
            _runs[at + 1] = (seq, _runs[at + 1].Last);
        }
        else
        {
            _runs.Insert(at + 1, (seq, seq));
        }

        return true;
    }
}
