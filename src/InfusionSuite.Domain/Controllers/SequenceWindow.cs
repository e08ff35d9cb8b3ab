namespace InfusionSuite.Domain.Controllers;

/// <summary>
/// The seq numbers kept for one boot: a high-water mark plus the 64 seqs below it, so a message
/// that arrives a little out of order is still kept once, and a repeat is dropped. O(1), no allocation.
/// </summary>
public sealed class SequenceWindow
{
    /// <summary>How many seqs below the highest are remembered.</summary>
    public const int Width = 64;
    private uint _highest;
    private ulong _seenBelow;

    public SequenceWindow(uint first)
    {
        _highest = first;
        _seenBelow = 1;
    }

    /// <summary>Marks the seq as kept; false when it is a repeat or older than the window.</summary>
    public bool TryKeep(uint seq)
    {
        if (seq > _highest)
        {
            var shift = seq - _highest;
            _seenBelow = shift >= Width ? 1UL : (_seenBelow << (int)shift) | 1UL;
            _highest = seq;
            return true;
        }

        var back = _highest - seq;
        if (back >= Width)
        {
            return false;
        }

        var bit = 1UL << (int)back;
        if ((_seenBelow & bit) != 0)
        {
            return false;
        }

        _seenBelow |= bit;
        return true;
    }
}
