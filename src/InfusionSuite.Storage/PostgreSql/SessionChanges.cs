using System.Text;
using InfusionSuite.Application.Ports;

namespace InfusionSuite.Storage.PostgreSql;

/// <summary>
/// Which sessions a worker's batch changed, as NOTIFY payloads (<c>worker|id,id,…</c>, each under PostgreSQL's 8,000
/// bytes): other nodes read those sessions back for their boards (<see cref="SessionChangesOnBoard"/>).
/// </summary>
internal static class SessionChanges
{
    public const string Channel = "sessions_changed";

    private const int MaxPayload = 7000;

    public static IEnumerable<string> Payloads(string worker, IngestBatch batch)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sample in batch.Telemetry)
        {
            Add(ids, sample.SessionId);
        }

        foreach (var input in batch.Inputs)
        {
            Add(ids, input.SessionId);
        }

        foreach (var change in batch.StatusChanges)
        {
            ids.Add(change.SessionId);
        }

        var payload = new StringBuilder();
        foreach (var id in ids)
        {
            if (payload.Length > 0 && payload.Length + id.Length + 1 > MaxPayload)
            {
                yield return payload.ToString();
                payload.Clear();
            }

            payload.Append(payload.Length == 0 ? worker + "|" : ",").Append(id);
        }

        if (payload.Length > 0)
        {
            yield return payload.ToString();
        }
    }

    /// <summary>The worker that sent it and the sessions it names.</summary>
    public static (string Worker, string[] SessionIds) Parse(string payload)
    {
        var bar = payload.IndexOf('|', StringComparison.Ordinal);
        return bar < 0 ? (string.Empty, []) : (payload[..bar], payload[(bar + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries));
    }

    private static void Add(HashSet<string> ids, string? sessionId)
    {
        if (sessionId is not null)
        {
            ids.Add(sessionId);
        }
    }
}
