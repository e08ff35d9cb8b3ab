using InfusionSuite.Application.Outbox;

namespace InfusionSuite.Web.Sessions;

/// <summary>
/// One resource of an outbox item at the receiver: InfusionSuite's key for it (e.g. <c>Procedure 97008</c>),
/// the server's id (e.g. <c>Procedure/123</c>; null when none is known), what happened (created, updated,
/// sent before, left out …) and, when it was left out, why.
/// </summary>
public sealed record ReceiverResourceView(string Key, string? Reference, string Outcome, string? Reason)
{
    public static ReceiverResourceView From(ReceiverResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return new(resource.Key, resource.Reference, resource.Outcome, resource.Reason);
    }

    /// <summary>Each key's latest state over the attempts (oldest first): a later answer replaces an earlier one.</summary>
    public static IReadOnlyList<ReceiverResourceView> Latest(IEnumerable<OutboxAttempt> attempts)
    {
        ArgumentNullException.ThrowIfNull(attempts);
        var latest = new Dictionary<string, ReceiverResource>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var resource in attempts.OrderBy(a => a.Number).SelectMany(a => a.Resources))
        {
            if (!latest.ContainsKey(resource.Key))
            {
                order.Add(resource.Key);
            }

            latest[resource.Key] = resource;
        }

        return [.. order.Select(k => From(latest[k]))];
    }
}
