using InfusionSuite.Application.Outbox;

namespace InfusionSuite.Web.Sessions;

/// <summary>
/// One resource of an outbox item at the receiver: InfusionSuite's key for it (e.g. <c>Procedure 97008</c>),
/// the server's id (e.g. <c>Procedure/123</c>; null when none is known), what happened (created, updated,
/// sent before, left out …) and, when it was left out, why; the request sent for it, the EHR's status and in how many attempts.
/// </summary>
public sealed record ReceiverResourceView(string Key, string? Reference, string Outcome, string? Reason)
{
    /// <summary>The resource type (the key's first word).</summary>
    public string ResourceType => Key.Split(' ')[0];

    /// <summary>The request sent for it, method and URL relative to the EHR's base (<c>POST Procedure</c>); null when none was sent.</summary>
    public string? Request { get; init; }

    /// <summary>The EHR's HTTP status for the request; null when it gave no answer or none was sent.</summary>
    public int? HttpStatus { get; init; }

    /// <summary>How many of the item's attempts sent a request for it.</summary>
    public int Attempts { get; init; }

    /// <summary>In <see cref="Sessions.FhirItemView.Requests"/>: the attempt this row came from (its number), and when it ended.</summary>
    public int? Attempt { get; init; }

    /// <inheritdoc cref="Attempt"/>
    public DateTimeOffset? At { get; init; }

    /// <summary>Every row of every attempt, oldest attempt first, each with its attempt's number and end.</summary>
    public static IReadOnlyList<ReceiverResourceView> Every(IEnumerable<OutboxAttempt> attempts)
    {
        ArgumentNullException.ThrowIfNull(attempts);
        return [.. attempts.OrderBy(a => a.Number).SelectMany(a => a.Resources.Select(r => From(r) with { Attempt = a.Number, At = a.FinishedAt }))];
    }

    public static ReceiverResourceView From(ReceiverResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return new(resource.Key, resource.Reference, resource.Outcome, resource.Reason)
        {
            Request = resource.Request,
            HttpStatus = resource.HttpStatus,
            Attempts = resource.Request is null ? 0 : 1,
        };
    }

    /// <summary>Each key's latest state over the attempts (oldest first): a later answer replaces an earlier one.</summary>
    public static IReadOnlyList<ReceiverResourceView> Latest(IEnumerable<OutboxAttempt> attempts)
    {
        ArgumentNullException.ThrowIfNull(attempts);
        var latest = new Dictionary<string, ReceiverResource>(StringComparer.Ordinal);
        var requests = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var resource in attempts.OrderBy(a => a.Number).SelectMany(a => a.Resources))
        {
            if (!latest.ContainsKey(resource.Key))
            {
                order.Add(resource.Key);
            }

            latest[resource.Key] = resource;
            requests[resource.Key] = requests.GetValueOrDefault(resource.Key) + (resource.Request is null ? 0 : 1);
        }

        return [.. order.Select(k => From(latest[k]) with { Attempts = requests[k] })];
    }
}
