using System.Collections.Concurrent;
using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Devices.Links;

/// <summary>
/// Keeps each CCP/1 message at most once (section 1): within a boot, a seq not above the highest
/// kept one is a duplicate; a new boot starts a new sequence. Meant for the consumer, after
/// storage order is decided, so that a redelivered MQTT message is only dropped once its first
/// copy was handled.
/// </summary>
public sealed class DuplicateFilter
{
    private readonly ConcurrentDictionary<string, (uint Boot, uint Seq)> _latest = new(StringComparer.Ordinal);

    /// <summary>True when the message is new (and remembers it); false for a duplicate.</summary>
    public bool TryKeep(MessageKey key)
    {
        while (true)
        {
            if (!_latest.TryGetValue(key.ControllerId, out var latest))
            {
                if (_latest.TryAdd(key.ControllerId, (key.Boot, key.Seq)))
                {
                    return true;
                }

                continue;
            }

            if (latest.Boot == key.Boot && key.Seq <= latest.Seq)
            {
                return false;
            }

            if (_latest.TryUpdate(key.ControllerId, (key.Boot, key.Seq), latest))
            {
                return true;
            }
        }
    }
}
