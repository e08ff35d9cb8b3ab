using System.Text.RegularExpressions;

namespace InfusionSuite.Application.Outbox;

/// <summary>
/// Which part of a parked item an id staff give belongs to: the part the item stopped at, whose id at the receiver
/// InfusionSuite does not know (its create's answer was lost, it was refused and keyed in by hand, or the item is held
/// for it). The id is <c>Type/id</c> (or the bare id when the type is plain), e.g. <c>Procedure/123</c>.
/// </summary>
public static partial class ReceiverIds
{
    /// <summary>Why an id cannot be taken for the item, for staff; null when <paramref name="given"/> fits it (<paramref name="key"/>, <paramref name="reference"/>).</summary>
    public static string? Match(OutboxItem item, string given, out string key, out string reference)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(given);
        key = reference = string.Empty;
        var waiting = Waiting(item);
        if (waiting.Count == 0)
        {
            return "This item waits on no part whose id at the receiver is unknown: mark it handled outside InfusionSuite without an id, or retry it.";
        }

        var text = given.Trim();
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var type = slash > 0 ? text[..slash] : null;
        var id = slash > 0 ? text[(slash + 1)..] : text;
        var fits = waiting.Where(k => type is null || string.Equals(TypeOf(k), type, StringComparison.Ordinal)).ToList();
        if (!Id().IsMatch(id) || fits.Count == 0)
        {
            return $"Give the receiver's id of {string.Join(" or ", waiting)} as {TypeOf(waiting[^1])}/{{id}} (letters, digits, '-' and '.'; up to 64).";
        }

        key = fits[^1];
        reference = $"{TypeOf(key)}/{id}";
        return null;
    }

    /// <summary>The parts of the item the receiver may hold under an id InfusionSuite does not know, in the order its attempts met them.</summary>
    public static IReadOnlyList<string> Waiting(OutboxItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var latest = new Dictionary<string, ReceiverResource>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var resource in item.Attempts.OrderBy(a => a.Number).SelectMany(a => a.Resources))
        {
            if (latest.TryAdd(resource.Key, resource))
            {
                order.Add(resource.Key);
            }

            latest[resource.Key] = resource;
        }

        return [.. order.Where(k => latest[k] is { Reference: null, Outcome: ReceiverResource.NoAnswer or ReceiverResource.Refused or ReceiverResource.NotAtReceiver })];
    }

    private static string TypeOf(string key) => key.Split(' ')[0];

    [GeneratedRegex("^[A-Za-z0-9\\-\\.]{1,64}$")]
    private static partial Regex Id();
}
