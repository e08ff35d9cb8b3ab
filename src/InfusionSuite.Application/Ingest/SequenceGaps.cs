using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Application.Ingest;

/// <summary>
/// The highest seq kept of each controller's current boot (CCP/1: +1 for every telemetry or event message, in order), from
/// the store at the writer's start and from every message kept since: a message more than one past it means messages that
/// never arrived in between — dropped by a broker whose queue overflowed while no worker was connected (a failover), or by
/// the link. Only the gap is seen, when the message after it comes; a late message that fills it is kept as usual.
/// Writer's task only.
/// </summary>
internal sealed class SequenceGaps
{
    private readonly Dictionary<string, (uint Boot, uint Highest)> _highest = new(StringComparer.Ordinal);

    /// <summary>Each controller's last stored message (its latest boot's highest seq), at the writer's start.</summary>
    public void ContinueAfter(IEnumerable<MessageKey> stored)
    {
        foreach (var key in stored)
        {
            _highest[key.ControllerId] = (key.Boot, key.Seq);
        }
    }

    /// <summary>A message kept (not a duplicate); how many seqs are missing right before it (0: none).</summary>
    public uint Kept(MessageKey key)
    {
        if (!_highest.TryGetValue(key.ControllerId, out var last) || last.Boot != key.Boot)
        {
            _highest[key.ControllerId] = (key.Boot, key.Seq); // a boot not seen before: its sequence starts here
            return 0;
        }

        if (key.Seq <= last.Highest)
        {
            return 0; // an earlier message arriving late
        }

        _highest[key.ControllerId] = (key.Boot, key.Seq);
        return key.Seq - last.Highest - 1;
    }

    /// <summary>The boot's sequence started again (a controller that reused its boot id): counting goes on from here.</summary>
    public void Restarted(MessageKey key) => _highest[key.ControllerId] = (key.Boot, key.Seq);
}
