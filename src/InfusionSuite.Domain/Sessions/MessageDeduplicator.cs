using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Domain.Sessions;

/// <summary>Keeps each (boot, seq) of one controller at most once; a new boot starts a new sequence.</summary>
internal sealed class MessageDeduplicator
{
    private readonly Dictionary<uint, SequenceWindow> _boots = [];
    private readonly List<uint> _bootOrder = [];

    /// <summary>Boots seen, in order of first message.</summary>
    public IReadOnlyList<uint> Boots => _bootOrder;

    public bool TryKeep(uint boot, uint seq)
    {
        if (_boots.TryGetValue(boot, out var window))
        {
            return window.TryKeep(seq);
        }

        _boots.Add(boot, new SequenceWindow(seq));
        NoteBoot(boot);
        return true;
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
