using System.Text.RegularExpressions;
using InfusionSuite.Application.Outbox;
using InfusionSuite.Fhir.Outbox;

namespace InfusionSuite.Fhir.Shapes;

/// <summary>
/// InfusionSuite's own record of what the EHR holds for a session, read back from the attempts of the
/// session's FHIR outbox items (each individual delivery stores the EHR's id of every resource as data,
/// <see cref="OutboxAttempt.Resources"/>, beside its line for staff, e.g. <c>Procedure 97008 → Procedure/123 (created)</c>;
/// attempts stored before that are read from their lines): the server's id of every resource sent, charges
/// credited, and the creates whose answer was lost (or came without an id): the EHR may hold them under an unknown id.
/// </summary>
internal sealed partial class SentResources
{
    /// <summary>Part of the reason an item parks when a lost create cannot be looked up; a staff retry after it sends the create again.</summary>
    public const string LostAnswerMarker = "its answer was lost";

    private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);
    private readonly HashSet<string> _credited = new(StringComparer.Ordinal);
    private readonly HashSet<string> _lost = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _askedByHand = new(StringComparer.Ordinal);

    /// <summary>The outcome of a resource the EHR holds but takes no updates of: staff were asked to change it by hand (the <see cref="ReceiverResource.Reason"/>).</summary>
    public const string NotUpdated = "not updated: the EHR takes no updates";

    /// <summary>Staff retried this item after it parked on a lost answer: they checked the EHR, so the create goes again.</summary>
    public bool StaffCheckedLostAnswers { get; private set; }

    public static async Task<SentResources> ReadAsync(IOutbox outbox, OutboxItem item, CancellationToken cancellationToken)
    {
        var sent = new SentResources();
        var items = await outbox.ListAsync(new OutboxQuery(SessionId: item.SessionId, Limit: 1000), cancellationToken);
        foreach (var earlier in items.Where(i => i.ContentType == FhirOutboxItems.ContentType && i.Id != item.Id).OrderBy(i => i.EnqueuedAt))
        {
            // A create whose answer an earlier item lost (and staff marked handled without its id) is as unknown here: never sent again blindly.
            sent.Read(earlier.Attempts, lost: true);
        }

        sent.Read(item.Attempts, lost: true);
        sent.StaffCheckedLostAnswers = item.Attempts.Count > 0
            && item.Attempts[^1] is { Outcome: OutboxAttemptOutcome.Rejected, ServerMessage: { } message }
            && message.Contains(LostAnswerMarker, StringComparison.Ordinal);
        return sent;
    }

    /// <summary>The literal reference (<c>Type/id</c>) of what was sent under <paramref name="key"/>; null when nothing is known.</summary>
    public string? Reference(string key) => _ids.GetValueOrDefault(key);

    public bool Credited(string key) => _credited.Contains(key);

    public bool AnswerLost(string key) => _lost.Contains(key);

    /// <summary>The note sentences earlier hand edits of <paramref name="key"/> already asked staff to add.</summary>
    public IReadOnlySet<string> AskedByHand(string key) => _askedByHand.TryGetValue(key, out var asked) ? asked : new HashSet<string>(StringComparer.Ordinal);

    /// <summary>A hand edit of a note: what staff add to it (read back by <see cref="AskedByHand"/>).</summary>
    public static string AddToNote(string reference, string text) => $"add to the note of {reference} in the EHR by hand: \"{text}\"";

    /// <summary>A note's sentences, each ending with its full stop.</summary>
    public static IEnumerable<string> Sentences(string? text) =>
        (text ?? string.Empty).Split(". ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(sentence => sentence.EndsWith('.') ? sentence : sentence + ".");

    public static string Line(string key, string reference, string what) => $"{key} → {reference} ({what})";

    public static string LeftOut(string key, string why) => $"{key} → left out ({why})";

    public static string NoAnswer(string key, string error) => $"{key} → no answer ({error})";

    private void Read(IEnumerable<OutboxAttempt> attempts, bool lost)
    {
        foreach (var attempt in attempts.OrderBy(a => a.Number))
        {
            if (attempt.Resources.Count > 0)
            {
                ReadData(attempt.Resources, lost);
                continue;
            }

            // An attempt stored before the ids were kept as data: read its lines.
            foreach (var line in (attempt.ServerMessage ?? string.Empty).Split('\n'))
            {
                if (SentLine().Match(line.TrimEnd('\r')) is { Success: true } sent)
                {
                    var key = sent.Groups["key"].Value;
                    _ids[key] = sent.Groups["reference"].Value;
                    _lost.Remove(key);
                    if (sent.Groups["what"].Value == "credited")
                    {
                        _credited.Add(key);
                    }
                }
                else if (lost && NoAnswerLine().Match(line) is { Success: true } unanswered)
                {
                    _lost.Add(unanswered.Groups["key"].Value);
                }
            }
        }
    }

    private void ReadData(IEnumerable<ReceiverResource> resources, bool lost)
    {
        foreach (var resource in resources)
        {
            if (resource.Outcome == NotUpdated && resource.Reason is { } edit && AddedToNote().Match(edit) is { Success: true } added)
            {
                if (!_askedByHand.TryGetValue(resource.Key, out var asked))
                {
                    _askedByHand[resource.Key] = asked = new HashSet<string>(StringComparer.Ordinal);
                }

                asked.UnionWith(Sentences(added.Groups["text"].Value));
            }

            if (resource.Reference is { } reference)
            {
                _ids[resource.Key] = reference;
                _lost.Remove(resource.Key);
                if (resource.Outcome == "credited")
                {
                    _credited.Add(resource.Key);
                }
            }
            else if (lost && resource.Outcome is ReceiverResource.NoAnswer or "created" or "charged")
            {
                // No answer, or created without the EHR giving its id: the EHR may hold it under an id InfusionSuite does not know.
                _lost.Add(resource.Key);
            }
        }
    }

    [GeneratedRegex(@"^(?<key>[A-Za-z]+ [^→]+) → (?<reference>[A-Za-z]+/[A-Za-z0-9\-\.]{1,64}) \((?<what>[^)]*)\)$")]
    private static partial Regex SentLine();

    [GeneratedRegex("in the EHR by hand: \"(?<text>.*)\"")]
    private static partial Regex AddedToNote();

    [GeneratedRegex(@"^(?<key>[A-Za-z]+ [^→]+) → no answer")]
    private static partial Regex NoAnswerLine();
}
