using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Devices.Links;

/// <summary>
/// Keeps each CCP/1 message at most once (section 1), with the same exact <see cref="SequenceSet"/> the
/// session logic uses (docs/clinical-rules.md, "Controller reality"): a repeat is a duplicate; a message
/// overtaken by any number of newer ones (MQTT telemetry and events travel on different topics) is
/// still kept once. A new boot starts a new sequence. Meant for the consumer,
/// after storage order is decided, so that a redelivered MQTT message is only dropped once its first
/// copy was handled.
/// </summary>
public sealed class DuplicateFilter
{
    private readonly Dictionary<string, (uint Boot, SequenceSet Seqs)> _kept = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>True when the message is new (and remembers it); false for a duplicate.</summary>
    public bool TryKeep(MessageKey key)
    {
        lock (_gate)
        {
            if (!_kept.TryGetValue(key.ControllerId, out var kept) || kept.Boot != key.Boot)
            {
                _kept[key.ControllerId] = (key.Boot, new SequenceSet(key.Seq));
                return true;
            }

            return kept.Seqs.TryKeep(key.Seq);
        }
    }
}
