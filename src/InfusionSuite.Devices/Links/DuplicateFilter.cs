using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Devices.Links;

/// <summary>
/// Keeps each CCP/1 message at most once (section 1). Per controller and boot it remembers the highest
/// seq and which of the <see cref="Window"/> seqs below it were kept, as the session logic does
/// (docs/clinical-rules.md, out-of-order messages): a repeat, or a seq older than the window, is a
/// duplicate; a message overtaken by a newer one (MQTT telemetry and events travel on different topics)
/// is still kept once. A new boot starts a new sequence. Meant for the consumer, after storage order
/// is decided, so that a redelivered MQTT message is only dropped once its first copy was handled.
/// </summary>
public sealed class DuplicateFilter
{
    public const int Window = 64;

    private readonly Dictionary<string, Kept> _kept = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>True when the message is new (and remembers it); false for a duplicate.</summary>
    public bool TryKeep(MessageKey key)
    {
        lock (_gate)
        {
            if (!_kept.TryGetValue(key.ControllerId, out var kept) || kept.Boot != key.Boot)
            {
                _kept[key.ControllerId] = new Kept(key.Boot, key.Seq, 1UL);
                return true;
            }

            if (key.Seq > kept.Highest)
            {
                var shift = key.Seq - kept.Highest;
                _kept[key.ControllerId] = new Kept(key.Boot, key.Seq, shift >= Window ? 1UL : (kept.SeenBelow << (int)shift) | 1UL);
                return true;
            }

            var back = kept.Highest - key.Seq;
            var bit = back < Window ? 1UL << (int)back : 0UL;
            if (bit == 0 || (kept.SeenBelow & bit) != 0)
            {
                return false;
            }

            _kept[key.ControllerId] = kept with { SeenBelow = kept.SeenBelow | bit };
            return true;
        }
    }

    /// <summary>The highest seq kept in a boot; bit n of <see cref="SeenBelow"/> set when seq Highest − n was kept.</summary>
    private readonly record struct Kept(uint Boot, uint Highest, ulong SeenBelow);
}
