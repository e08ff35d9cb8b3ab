using System.Text;
using InfusionSuite.Application.Ports;

namespace InfusionSuite.Storage.PostgreSql;

/// <summary>
/// Which sessions a worker's batch changed, and which controllers it stored a sample or a setpoint of, as NOTIFY payloads
/// (<c>worker|id,id,@controller,…</c>, each under PostgreSQL's 8,000 bytes): other nodes read those sessions and those
/// controllers' latest readings back for their boards (<see cref="SessionChangesOnBoard"/>).
/// </summary>
internal static class SessionChanges
{
    public const string Channel = "sessions_changed";

    private const int MaxPayload = 7000;

    /// <summary>Marks a controller's id among the sessions' (session ids never start with it).</summary>
    private const char ControllerMark = '@';

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

        foreach (var sample in batch.Telemetry)
        {
            ids.Add(ControllerMark + sample.Sample.ControllerId);
        }

        foreach (var setpoint in batch.Setpoints)
        {
            ids.Add(ControllerMark + setpoint.ControllerId);
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

    /// <summary>The worker that sent it, the sessions it names and the controllers whose readings it stored.</summary>
    public static (string Worker, string[] SessionIds, string[] ControllerIds) Parse(string payload)
    {
        var bar = payload.IndexOf('|', StringComparison.Ordinal);
        if (bar < 0)
        {
            return (string.Empty, [], []);
        }

        var ids = payload[(bar + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries);
        return (payload[..bar], [.. ids.Where(id => id[0] != ControllerMark)], [.. ids.Where(id => id[0] == ControllerMark).Select(id => id[1..])]);
    }

    private static void Add(HashSet<string> ids, string? sessionId)
    {
        if (sessionId is not null)
        {
            ids.Add(sessionId);
        }
    }
}
