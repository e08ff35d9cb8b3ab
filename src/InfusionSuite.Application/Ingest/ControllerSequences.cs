using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Application.Ingest;

/// <summary>
/// Every controller message the writer sees, whichever session (if any) takes it, judged by its
/// (controller, boot, seq, ts) with the domain's <see cref="BootSequence"/>: a redelivery (MQTT QoS 1
/// after a lost acknowledgement, a serial resend) is a duplicate; a reused boot id whose seq starts
/// again is a collision, not a duplicate. Keeps the last <see cref="BootsPerController"/> boots of each
/// controller, in memory (after a restart the sessions' own logs still know their messages). Writer's task only.
/// </summary>
internal sealed class ControllerSequences
{
    public const int BootsPerController = 4;

    private readonly Dictionary<string, List<(uint Boot, BootSequence Sequence)>> _controllers = new(StringComparer.Ordinal);

    public SequenceVerdict Judge(MessageKey key, DateTimeOffset ts)
    {
        if (!_controllers.TryGetValue(key.ControllerId, out var boots))
        {
            boots = new List<(uint, BootSequence)>(BootsPerController);
            _controllers.Add(key.ControllerId, boots);
        }

        foreach (var (boot, sequence) in boots)
        {
            if (boot == key.Boot)
            {
                return sequence.Keep(key.Seq, ts);
            }
        }

        if (boots.Count == BootsPerController)
        {
            boots.RemoveAt(0);
        }

        boots.Add((key.Boot, new BootSequence(key.Seq, ts)));
        return SequenceVerdict.New;
    }
}
