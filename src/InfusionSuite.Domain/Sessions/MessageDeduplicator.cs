using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Domain.Sessions;

/// <summary>
/// Keeps each (boot, seq) of one controller at most once; a new boot starts a new sequence, and so
/// does a boot id reused by a restarted controller (<see cref="BootSequence"/>: its messages are newer
/// than everything kept), which is not taken for duplicates.
/// </summary>
internal sealed class MessageDeduplicator
{
    private readonly Dictionary<uint, BootSequence> _boots = [];
    private readonly List<uint> _bootOrder = [];

    /// <summary>Boots seen, in order of first message.</summary>
    public IReadOnlyList<uint> Boots => _bootOrder;

    /// <summary>How many times a boot's sequence began again (a controller that reused its boot id).</summary>
    public int Collisions { get; private set; }

    public bool TryKeep(uint boot, uint seq, DateTimeOffset ts)
    {
        if (!_boots.TryGetValue(boot, out var sequence))
        {
            _boots.Add(boot, new BootSequence(seq, ts));
            NoteBoot(boot);
            return true;
        }

        var verdict = sequence.Keep(seq, ts);
        if (verdict == SequenceVerdict.Collision)
        {
            Collisions++;
        }

        return verdict != SequenceVerdict.Duplicate;
    }

    /// <summary>Records a boot seen in a hello (no seq).</summary>
    public void NoteBoot(uint boot)
    {
        if (!_bootOrder.Contains(boot))
        {
            _bootOrder.Add(boot);
        }
    }
}
