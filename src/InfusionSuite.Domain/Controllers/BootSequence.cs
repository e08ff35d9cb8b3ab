namespace InfusionSuite.Domain.Controllers;

/// <summary>
/// The messages kept for one boot of one controller: exactly which seqs were kept (<see cref="SequenceSet"/>) and the
/// device ts of the newest message, to tell a redelivered message (an old seq with an old ts) from a
/// boot/seq collision (an old seq with a ts newer than everything kept: a controller that restarted and
/// reused its boot id). After a collision a new sequence begins; a message of the earlier run (older
/// than the new run's first) is a duplicate. O(1), no allocation on the usual path.
/// </summary>
public sealed class BootSequence
{
    private SequenceSet _seqs;
    private DateTimeOffset _newest;
    private DateTimeOffset _runStart;

    public BootSequence(uint seq, DateTimeOffset ts)
    {
        _seqs = new SequenceSet(seq);
        _newest = ts;
        _runStart = ts;
    }

    /// <summary>Judges the message and, unless it is a duplicate, remembers it.</summary>
    public SequenceVerdict Keep(uint seq, DateTimeOffset ts)
    {
        if (Collided && ts < _runStart)
        {
            return SequenceVerdict.Duplicate;
        }

        if (_seqs.TryKeep(seq))
        {
            _newest = ts > _newest ? ts : _newest;
            return SequenceVerdict.New;
        }

        if (ts <= _newest)
        {
            return SequenceVerdict.Duplicate;
        }

        _seqs = new SequenceSet(seq);
        _newest = ts;
        _runStart = ts;
        Collided = true;
        return SequenceVerdict.Collision;
    }

    /// <summary>Whether this boot's sequence restarted at least once.</summary>
    public bool Collided { get; private set; }
}
